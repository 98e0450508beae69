using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace Makimono.Web.Forms;

/// <summary>A form post refused before any page sees it, with what can be shown back of what was typed.</summary>
public sealed record FormProblem(string Message, IReadOnlyList<KeyValuePair<string, string>> Typed);

/// <summary>
/// Reads every posted form before the pages do and refuses, with a 400 page that names the field, what no page
/// can take: a NUL character (ASP.NET's form reader throws on one, and the error page then failed too, so the
/// browser got a broken response and the log nothing) or a field longer than any field of the archive. The text is
/// shown back, NUL characters removed, so nothing typed is lost.
/// </summary>
internal static class FormGuard
{
    /// <summary>
    /// Characters in one field. The longest field a person fills in is a chapter (510,000 characters, checked
    /// with its own message on the form); twice that is a paste gone wrong or an attack.
    /// </summary>
    public const int MaxFieldChars = 2 * Works.Limits.ChapterBodyMax;

    /// <summary>
    /// A body up to this size is kept while it is read, so that a form the reader refuses (a NUL character) can be
    /// read again here to name the field; larger ones are refused without the name rather than copied to disk.
    /// </summary>
    private const int RereadableBytes = 2 * 1024 * 1024;

    /// <summary>The form reader's own limit per field, for pages that set form limits of their own to repeat.</summary>
    public const int ValueLengthLimit = int.MaxValue;

    private const string ItemKey = nameof(FormProblem);

    public static FormProblem? Problem(HttpContext context) => context.Items[ItemKey] as FormProblem;

    public static void AddFormGuard(this IServiceCollection services) =>
        // The request's size limit (Kestrel's 30 MB, or a page's own) bounds a field; the reader's own limit per
        // field would refuse it without saying which, so the length is checked here, on the read form, instead.
        services.Configure<FormOptions>(options => options.ValueLengthLimit = ValueLengthLimit);

    /// <summary>After routing, so that a page's own request size limit (the upload's) applies when the form is read.</summary>
    public static void UseFormGuard(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }
        var rereadable = !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            && request.ContentLength <= RereadableBytes;
        if (rereadable)
        {
            request.EnableBuffering(RereadableBytes);
        }
        FormProblem? problem;
        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            problem = Check(form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? string.Empty))));
        }
        catch (Exception tooLarge) when (IsTooLarge(tooLarge))
        {
            // The status code page says what the limit is (Pages/Errors/Status); "could not be read" would not.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        catch (InvalidDataException refused)
        {
            problem = rereadable ? Check(await ReadRawAsync(request, context.RequestAborted)) : null;
            problem ??= new FormProblem($"The form could not be read: {refused.Message} Nothing was saved.", []);
        }
        if (problem is null)
        {
            await next();
            return;
        }
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(FormGuard))
            .LogWarning("Refused a form posted to {Path}: {Problem}", request.Path, problem.Message);
        context.Items[ItemKey] = problem;
        // The status code page shows the problem (Pages/Errors/Status).
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    });

    /// <summary>
    /// A body over the request size limit (Kestrel's, or a page's own such as the upload's) or over the form
    /// reader's multipart limit, which says so only in its message.
    /// </summary>
    private static bool IsTooLarge(Exception e) =>
        e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || (e is InvalidDataException && e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal));

    /// <summary>
    /// Keeps what was typed into a form that is refused after it was read (a session that ended, a token from
    /// before a log-in), for the status page to show back with <paramref name="message"/>. Not for a post from
    /// another site: a forgery's text is not shown on the archive's page.
    /// </summary>
    public static void ShowBack(HttpContext context, string message)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || !FromThisSite(request))
        {
            return;
        }
        var typed = request.Form
            .Where(f => ShowsBack(f.Key))
            .SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? string.Empty)))
            .Where(f => f.Value.Length > 0 && f.Value.Length <= MaxFieldChars && !IsBookkeeping(f.Key) && !IsChoice(f.Value))
            .ToList();
        context.Items[ItemKey] = new FormProblem(message, typed);
    }

    /// <summary>Browsers send Origin with every form post; one naming another site is a forgery.</summary>
    private static bool FromThisSite(HttpRequest request) =>
        request.Headers.Origin is not [{ } origin]
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));

    /// <summary>Hidden fields a page fills for itself (ids, where to go back to), which nobody typed.</summary>
    private static bool IsBookkeeping(string name) =>
        name is "returnUrl" or "ReturnUrl" or "returnTo" or "return_to" or "submit" or "target" or "id";

    /// <summary>A ticked box or a chosen option (an id, true or false) is quicker to choose again than to copy.</summary>
    private static bool IsChoice(string value) =>
        value is "true" or "false" || value.All(char.IsAsciiDigit);

    private static FormProblem? Check(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        var problems = new List<string>();
        foreach (var (name, value) in all)
        {
            if (value.Length > MaxFieldChars)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The field “{name}” has {value.Length:N0} characters; no field here takes more than {MaxFieldChars:N0} (a chapter at most {Works.Limits.ChapterBodyMax:N0}), so it was not shown back."));
            }
            else if (value.Contains('\0'))
            {
                problems.Add($"The field “{name}” contains a NUL character, an invisible control character that usually comes from copying out of another program. It is removed from the copy below.");
            }
        }
        if (problems.Count == 0)
        {
            return null;
        }
        var typed = all
            .Where(f => f.Value.Length <= MaxFieldChars && f.Value.Length > 0 && ShowsBack(f.Key))
            .Select(f => KeyValuePair.Create(f.Key, f.Value.Replace("\0", string.Empty, StringComparison.Ordinal)))
            .ToList();
        return new FormProblem(string.Join(" ", problems) + " Nothing was saved.", typed);
    }

    /// <summary>Passwords and the form's own bookkeeping are never echoed.</summary>
    private static bool ShowsBack(string name) =>
        !name.Contains("password", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("__", StringComparison.Ordinal)
        && !name.EndsWith("Json", StringComparison.Ordinal);

    /// <summary>The URL-encoded body read leniently: NUL characters and long values are what is being looked for.</summary>
    private static async Task<List<KeyValuePair<string, string>>> ReadRawAsync(HttpRequest request, CancellationToken ct)
    {
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(ct);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..]);
            fields.Add(KeyValuePair.Create(name, value));
        }
        return fields;
    }
}
