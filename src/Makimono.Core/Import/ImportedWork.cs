using System.Text.Json.Serialization;

namespace Makimono.Import;

/// <summary>
/// A file turned into a work's fields, for the author to review before anything is posted.
/// Serialised as issue 3's JSON shape, so other tools can build on `makimono import --dry-run --json`.
/// </summary>
public sealed class ImportedWork
{
    public required string Source { get; init; }
    /// <summary>text, html, ao3-html, markdown, docx or epub.</summary>
    public required string Format { get; init; }
    public string? Encoding { get; set; }
    /// <summary>True when the encoding was a guess (no BOM and not valid UTF-8), so the author should check the text.</summary>
    public bool EncodingGuessed { get; set; }
    /// <summary>What the author should know about the file that no field shows, such as review comments left out.</summary>
    public List<string> Warnings { get; } = [];
    public string? Title { get; set; }
    public List<string> Creators { get; } = [];
    public string? Summary { get; set; }
    public string? Notes { get; set; }
    public string? EndNotes { get; set; }
    public string? Disclaimer { get; set; }
    public string? ContentNotes { get; set; }
    public string? Rating { get; set; }
    public List<string> ArchiveWarnings { get; } = [];
    public List<string> Categories { get; } = [];
    public List<string> Fandoms { get; } = [];
    public List<string> Relationships { get; } = [];
    public List<string> Characters { get; } = [];
    public List<string> Freeforms { get; } = [];
    public List<string> Series { get; } = [];
    public string Language { get; set; } = "en";
    public List<ImportedChapter> Chapters { get; } = [];
    public int Words => Chapters.Sum(c => c.Words);
    public ImportSuggestions Suggestions { get; set; } = new();

    /// <summary>Text left out of every field on purpose: "Work Text:" markers, labels such as "Summary:", scene-break lines.</summary>
    [JsonIgnore]
    public List<string> Markers { get; } = [];
}

public sealed class ImportedChapter
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Notes { get; set; }
    public string? EndNotes { get; set; }
    public string Html { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public int Words => Text.Length == 0 ? 0 : Makimono.Text.WordCounter.CountText(Text);
}

/// <summary>Guesses the author confirms or drops; import never posts one on its own.</summary>
public sealed class ImportSuggestions
{
    public List<CharacterSuggestion> Characters { get; } = [];
    public List<TagSuggestion> Relationships { get; } = [];
    public TagSuggestion? Rating { get; set; }
    public List<TagSuggestion> ArchiveWarnings { get; } = [];

    /// <summary>Names mentioned once or twice: too few to suggest as new characters, enough when the archive knows them.</summary>
    [JsonIgnore]
    public List<CharacterSuggestion> RareNames { get; } = [];
}

/// <summary>
/// A proper name found in the text; <see cref="TagId"/> and <see cref="Tag"/> are set when the archive already has
/// the character (through its name, a synonym or a part of its name), else it suggests a new character.
/// </summary>
public sealed record CharacterSuggestion(string Name, int Mentions)
{
    public double Confidence { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tag { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TagId { get; init; }
}

public sealed record TagSuggestion(string Name, double Confidence)
{
    /// <summary>The archive's canonical tag this suggestion is, when there is one (a relationship "A/B" of the archive's characters).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tag { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TagId { get; init; }
}

/// <summary>A file that could not be imported, with what to do about it.</summary>
public sealed record ImportFailure(string Source, string Error);

/// <summary>Thrown for input the importer refuses; the message is meant for the person importing.</summary>
public sealed class ImportException(string message) : Exception(message);
