using Makimono.Tags;
using Makimono.Tags.Autocomplete;

namespace Makimono.Web.Autocomplete;

/// <summary>GET /tags/autocomplete?term=kak&amp;type=character&amp;fandom=Naruto: suggestions as JSON for the tag fields' script.</summary>
internal static class TagAutocompleteEndpoint
{
    public const string Path = "/tags/autocomplete";

    private sealed record Suggestion(string Name, string Type, bool Canonical, string? CanonicalName, int Uses);

    // A plain request delegate, like /health: nothing to compile at start.
    public static async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        TagType? type = null;
        if (query["type"].FirstOrDefault() is { Length: > 0 } typeText)
        {
            if (!TagTypeNames.TryParseKey(typeText, out var parsed))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"The type \"{typeText}\" is not one of fandom, relationship, character, freeform.", context.RequestAborted);
                return;
            }
            type = parsed;
        }
        var term = query["term"].FirstOrDefault() ?? "";
        var index = await context.RequestServices.GetRequiredService<TagAutocomplete>().IndexAsync();
        var found = term.Length > TagName.MaxLength ? [] : index.Find(term, type, TagName.SplitList(query["fandom"].FirstOrDefault()));
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsJsonAsync(
            found.Select(s => new Suggestion(s.Name, TagTypeNames.Key(s.Type), s.IsCanonical, s.CanonicalName, s.Uses)).ToList(),
            context.RequestAborted);
    }
}
