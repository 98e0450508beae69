using System.Text.Json;
using System.Text.Json.Serialization;

namespace Makimono.Web.Forms;

/// <summary>
/// State a page carries through its own form round trips in a hidden field, as JSON. What comes back is read
/// defensively: a mangled or tampered field gives null, never an error page.
/// </summary>
public static class FormJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Lets get-only list properties (as on ImportSuggestions) be filled in.
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
