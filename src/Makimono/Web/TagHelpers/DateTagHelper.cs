using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Makimono.Web.TagHelpers;

/// <summary>
/// Every date on every page in one form: <c>&lt;time date="@value"&gt;&lt;/time&gt;</c> becomes
/// <c>&lt;time datetime="2026-12-01"&gt;01 Dec 2026&lt;/time&gt;</c>, AO3's way for people and ISO 8601 for machines.
/// With <c>with-time</c> a moment also shows its UTC time of day ("01 Dec 2026 14:05 UTC").
/// </summary>
[HtmlTargetElement("time", Attributes = "date")]
public sealed class DateTagHelper : TagHelper
{
    public const string DisplayFormat = "dd MMM yyyy";

    /// <summary>A <see cref="DateOnly"/>, or a <see cref="DateTime"/> in UTC as the archive stores them.</summary>
    public object? Date { get; set; }

    public bool WithTime { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var moment = Date switch
        {
            DateOnly day => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            DateTime time => time,
            DateTimeOffset offset => offset.UtcDateTime,
            _ => throw new InvalidOperationException($"<time date> takes a DateOnly or a DateTime, not {Date?.GetType().Name ?? "null"}."),
        };
        output.Attributes.SetAttribute("datetime", WithTime
            ? moment.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)
            : moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        output.Content.SetContent(Shown(moment, WithTime));
    }

    /// <summary>The date as the tag shows it, for the few places that must say it outside a &lt;time&gt; (an aria-label).</summary>
    public static string Shown(DateTime moment, bool withTime) => withTime
        ? moment.ToString(DisplayFormat + " HH:mm 'UTC'", CultureInfo.InvariantCulture)
        : moment.ToString(DisplayFormat, CultureInfo.InvariantCulture);
}
