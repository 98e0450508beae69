namespace Makimono.Works;

/// <summary>A work's metadata exactly as typed, so a form with an error can be shown again unchanged.</summary>
public sealed class WorkForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Notes { get; set; }
    public string? EndNotes { get; set; }
    /// <summary>The language's name or code, as typed (see <see cref="Languages"/>).</summary>
    public string? Language { get; set; } = Languages.NameOf(Languages.DefaultCode);
    public int RatingId { get; set; } = Tags.FixedTags.NotRatedId;
    public List<int> WarningIds { get; set; } = [];
    public List<int> CategoryIds { get; set; } = [];
    /// <summary>Comma-separated, as on AO3.</summary>
    public string? Fandoms { get; set; }
    public string? Relationships { get; set; }
    public string? Characters { get; set; }
    public string? Freeforms { get; set; }
    /// <summary>A number, or "?" (or blank) when the author does not know yet.</summary>
    public string? ExpectedChapters { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public bool IsRestricted { get; set; }
    public Responses.Comments.CommentPermission WhoMayComment { get; set; }
    public bool ModeratesComments { get; set; }
    /// <summary>The creator's own pseud to credit.</summary>
    public int? PseudId { get; set; }
    /// <summary>Comma-separated user names (their default pseud) or "Pseud (user)", invited as co-creators.</summary>
    public string? CoCreators { get; set; }
    /// <summary>Comma-separated series titles of the creator's; new titles make new series.</summary>
    public string? SeriesTitles { get; set; }
    /// <summary>The <see cref="Work.Version"/> the edit form was loaded at; null for a new work.</summary>
    public int? Version { get; set; }
}

/// <summary>A chapter as typed: the body is plain text or HTML.</summary>
public sealed class ChapterForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Notes { get; set; }
    public string? EndNotes { get; set; }
    public string? Body { get; set; }
    /// <summary>The <see cref="Chapter.Version"/> the edit form was loaded at; null for a new chapter.</summary>
    public int? Version { get; set; }
}

/// <summary>Field errors keyed like the form ("Work.Title", "Chapter.Body"), and what the sanitizer removed.</summary>
public sealed class FormErrors
{
    public Dictionary<string, string> Fields { get; } = [];
    public List<string> RemovedHtml { get; } = [];
    public bool Any => Fields.Count > 0;

    public void Add(string field, string message) => Fields.TryAdd(field, message);

    /// <summary>
    /// The errors a form's fields already have before it is checked (values the web page could not read into their
    /// fields), so that they are refused with, and before, everything the check finds.
    /// </summary>
    public static FormErrors StartingWith(FormErrors? found)
    {
        var errors = new FormErrors();
        foreach (var (field, message) in found?.Fields ?? [])
        {
            errors.Add(field, message);
        }
        return errors;
    }

    public const string RemovalsField = "AcceptRemovals";

    /// <summary>Nothing is posted with parts silently removed: the author sees the list and confirms first.</summary>
    public void RequireAcceptedRemovals(bool accepted)
    {
        if (RemovedHtml.Count > 0 && !accepted)
        {
            Add(RemovalsField, "Some of your HTML is not allowed and will be removed (listed below). Check the box to post without it, or change the text.");
        }
    }
}
