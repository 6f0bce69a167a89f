using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PlacementBroker.Web.Pages;

public static class ModelStateExtensions
{
    /// <summary>Puts a service's field errors ("user.email") against the page's fields ("Input.UserEmail").</summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string> fieldMap)
    {
        foreach (var (field, messages) in errors)
        {
            var key = fieldMap.TryGetValue(field, out var mapped) ? mapped : "";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
