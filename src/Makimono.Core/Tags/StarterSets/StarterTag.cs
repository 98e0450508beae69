namespace Makimono.Tags.StarterSets;

/// <summary>One canonical tag of a starter set, with the names to merge into it, its parent tags and, for a fandom, its medium.</summary>
public sealed record StarterTag(TagType Type, string Name, IReadOnlyList<string> Synonyms, IReadOnlyList<string> Parents, int Line, Media? Media = null);
