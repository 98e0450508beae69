using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Makimono.Web.Forms;

/// <summary>
/// Browsers send a textarea's line breaks as CR LF. Every bound string keeps only LF, so text shown again in a form
/// (after an error, or after "Apply ticked suggestions") is what was typed, not full of &amp;#xD;, and what is saved
/// does not depend on the browser.
/// </summary>
internal sealed class LineEndingsBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
        // Form, query and route values only: a header or a JSON body keeps its own binder.
        && (context.BindingInfo.BindingSource is null || BindingSource.ModelBinding.CanAcceptDataFrom(context.BindingInfo.BindingSource))
            ? new LineEndingsBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class LineEndingsBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result.IsModelSet && context.Result.Model is string text && text.Contains('\r', StringComparison.Ordinal))
            {
                var normalized = Normalize(text);
                context.Result = ModelBindingResult.Success(normalized);
                // A form shown again takes its values from here first.
                context.ModelState.SetModelValue(context.ModelName, normalized, normalized);
            }
        }
    }

    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
