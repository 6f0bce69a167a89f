using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PlacementBroker.Web.Pages.Account;

/// <summary>A password chosen by typing it twice: the checks every form that sets one makes before Identity's own rules.</summary>
public static class NewPassword
{
    /// <summary>
    /// "Enter a {what}", "Confirm your {what}", or that the two do not match, at their fields (<c>Input.{passwordField}</c>,
    /// <c>Input.ConfirmPassword</c>); <paramref name="what"/> is "password" or "new password".
    /// </summary>
    public static void Check(ModelStateDictionary state, string? password, string? confirmation, string passwordField, string what)
    {
        if (string.IsNullOrEmpty(password))
        {
            state.AddModelError($"Input.{passwordField}", $"Enter a {what}");
        }
        if (string.IsNullOrEmpty(confirmation))
        {
            state.AddModelError("Input.ConfirmPassword", $"Confirm your {what}");
        }
        else if (!string.IsNullOrEmpty(password) && password != confirmation)
        {
            state.AddModelError("Input.ConfirmPassword", $"The passwords do not match: enter the same {what} twice");
        }
    }
}
