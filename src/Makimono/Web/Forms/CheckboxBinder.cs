using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Makimono.Web.Forms;

/// <summary>
/// Reads every <c>bool</c> a form or query binds as a checkbox does: "true" (any case) is true, anything else false.
/// The default binder records a value it cannot read ("abc", "0") as a model error and keeps it as the attempted
/// value, and the checkbox tag helper that draws the refused form again throws a FormatException on it: a tampered
/// field was a 500. Here the attempted value is what was read, so the form comes back with the box as it was read.
/// </summary>
internal sealed class CheckboxBinderProvider : IModelBinderProvider
{
    private static readonly CheckboxBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) ? Binder : null;

    private sealed class CheckboxBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (posted == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            // A ticked box sends "true" before its hidden "false"; the first value decides, as with the default binder.
            var value = bool.TryParse(posted.FirstValue?.Trim(), out var parsed) && parsed;
            var read = value ? "true" : "false";
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(read, posted.Culture));
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}
