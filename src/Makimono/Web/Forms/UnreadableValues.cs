using Makimono.Works;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Makimono.Web.Forms;

/// <summary>
/// A posted value its field's type cannot hold: a choice the page never offered ("abc" or "7" for a rating, who may
/// comment or the sign-up mode; an enum value outside its list is refused by the binder too) or a date that is no
/// date. The binder leaves such a field at its default and records an error; pages that went on regardless saved the
/// default (a tampered sign-up mode opened sign-up). Pages now refuse the form while any such error is recorded, and
/// the error says what was wrong beside the field, in words, instead of the binder's "The value 'abc' is not valid".
/// </summary>
internal static class UnreadableValues
{
    /// <summary>The errors the binder recorded for fields under <paramref name="prefix"/> (a form's model, or a handler's parameter name).</summary>
    public static FormErrors Under(ModelStateDictionary modelState, string prefix)
    {
        var errors = new FormErrors();
        foreach (var (key, entry) in modelState.FindKeysWithPrefix(prefix))
        {
            if (entry.Errors.FirstOrDefault() is { } error)
            {
                errors.Add(key, error.ErrorMessage);
            }
        }
        return errors;
    }

    public static string NotOffered(string? value) =>
        string.IsNullOrEmpty(value) ? "Choose one of the choices offered." : $"\u201C{value}\u201D is not one of the choices offered. Choose from the list.";

    public static string NotADate(string? value) =>
        $"\u201C{value}\u201D is not a date. Write it as year-month-day, such as {Limits.EarliestPublishedOn.AddYears(30):yyyy-MM-dd}.";

    /// <summary>Gives every bound value the messages above: dates their own, everything else (ids, enums, numbers chosen from a list) the choice's.</summary>
    internal sealed class Messages : IBindingMetadataProvider
    {
        public void CreateBindingMetadata(BindingMetadataProviderContext context)
        {
            if (context.BindingMetadata.ModelBindingMessageProvider is not DefaultModelBindingMessageProvider messages)
            {
                return;
            }
            var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
            Func<string?, string> say = type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? NotADate : NotOffered;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => say(value));
            messages.SetValueIsInvalidAccessor(value => say(value));
            messages.SetValueMustNotBeNullAccessor(value => say(value));
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => say(value));
            messages.SetUnknownValueIsInvalidAccessor(_ => say(null));
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => say(null));
            messages.SetValueMustBeANumberAccessor(_ => say(null));
            messages.SetNonPropertyValueMustBeANumberAccessor(() => say(null));
        }
    }
}
