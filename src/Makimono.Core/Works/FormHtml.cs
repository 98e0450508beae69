using Makimono.Text;

namespace Makimono.Works;

/// <summary>The HTML fields of the work and chapter forms: checked for length before anything parses them.</summary>
internal static class FormHtml
{
    /// <summary>The sanitized HTML of a field, or null when it is empty or refused (with the reason in <paramref name="errors"/>).</summary>
    public static string? Clean(FormErrors errors, string field, string what, string? text, int max)
    {
        if (text is not null && text.Length > max)
        {
            errors.Add(field, $"{what} are at most {max:N0} characters; this has {text.Length:N0}.");
            return null;
        }
        var result = Sanitize(errors, field, text);
        return result.Html.Length == 0 ? null : result.Html;
    }

    /// <summary>Sanitizes a field whose length the caller has checked; a refusal is the field's error.</summary>
    public static SanitizedHtml Sanitize(FormErrors errors, string field, string? text)
    {
        var result = UserHtml.FromUserInput(text);
        if (result.Refusal is not null)
        {
            errors.Add(field, result.Refusal);
        }
        errors.RemovedHtml.AddRange(result.Removed);
        return result;
    }
}
