using Makimono.Tags;

namespace Makimono.Feeds;

/// <summary>
/// Absolute addresses for feed documents, from the address the request came to: e-readers and feed readers resolve
/// relative links badly, and a feed read offline must still point home.
/// </summary>
public sealed class FeedLinks(string origin)
{
    /// <summary>Scheme, host and path base, without a trailing slash, such as "https://archive.example".</summary>
    public string Origin { get; } = origin.TrimEnd('/');

    public string To(string path) => Origin + path;

    public string Work(int workId) => To($"/works/{workId}");

    public string Chapter(int workId, int chapterId) => To($"/works/{workId}/chapters/{chapterId}");

    public string User(string userName) => To($"/users/{Uri.EscapeDataString(userName)}");

    public string Pseud(string userName, string pseud) => To($"/users/{Uri.EscapeDataString(userName)}/pseuds/{Uri.EscapeDataString(pseud)}");

    public string Tag(string tagName) => To(TagUrl.WorksPath(tagName));

    /// <summary>The scheme of a tag category: one per tag type, so a reader can tell a fandom from a character.</summary>
    public string TagScheme(TagType type) => To("/tags#" + TagTypeNames.Key(type));
}
