using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Makimono.Web.Forms;

/// <summary>
/// State a page carries through its own form round trips in a hidden field, as JSON. What comes back is read
/// defensively: a mangled or tampered field gives null, never an error page.
/// </summary>
public static class FormJson
{
    private static readonly JsonSerializerOptions WriteOptions = new();

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        // Lets get-only list properties (as on ImportSuggestions) be filled in.
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        // A null where the type says there is none ({"Characters": null}, a null name) is a tampered field, refused
        // here rather than met as a NullReferenceException while the page is drawn.
        RespectNullableAnnotations = true,
        // ... and so is a missing one ({"Characters": [{"Mentions": 1}]}).
        RespectRequiredConstructorParameters = true,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, WriteOptions);

    public static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            // The nullable annotations do not reach list elements, and the page state never writes a null in a list.
            if (HasNullInAList(JsonNode.Parse(json)))
            {
                return null;
            }
            return JsonSerializer.Deserialize<T>(json, ReadOptions);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            // InvalidOperationException: a null for a get-only list that is filled in place.
            return null;
        }
    }

    private static bool HasNullInAList(JsonNode? node) => node switch
    {
        JsonArray array => array.Any(item => item is null || HasNullInAList(item)),
        JsonObject obj => obj.Any(property => HasNullInAList(property.Value)),
        _ => false,
    };
}
