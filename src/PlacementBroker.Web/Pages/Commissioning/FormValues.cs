using System.Globalization;

namespace PlacementBroker.Web.Pages.Commissioning;

/// <summary>Reads what people type into number fields ("£5,200.50", " 10 ").</summary>
public static class FormValues
{
    /// <summary>Null when blank; false when there is something that is not an amount of money.</summary>
    public static bool TryMoney(string? value, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        var cleaned = value.Trim().Replace("£", "").Replace(",", "").Trim();
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            amount = parsed;
            return true;
        }
        return false;
    }

    public static string Money(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
