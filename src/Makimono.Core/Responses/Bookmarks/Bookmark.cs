using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Works;

namespace Makimono.Responses.Bookmarks;

/// <summary>
/// A reader's bookmark of a work or of a series (exactly one of the two), under one of their pseuds, with a note
/// (sanitized HTML) and their own tags. One per user per work or series: bookmarking again edits it. A private
/// bookmark is its owner's alone and is left out of <see cref="Work.BookmarkCount"/>.
/// </summary>
public class Bookmark : ILoggedResponse
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public int PseudId { get; set; }
    public Pseud Pseud { get; set; } = null!;
    public int? WorkId { get; set; }
    public Work? Work { get; set; }
    public int? SeriesId { get; set; }
    public Series? Series { get; set; }
    /// <summary>Sanitized HTML (<see cref="Text.UserHtml"/>), or null for no note.</summary>
    public string? Note { get; set; }
    public bool IsPrivate { get; set; }
    /// <summary>AO3's "rec": the bookmarker recommends it.</summary>
    public bool IsRec { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<BookmarkTag> Tags { get; set; } = [];

    ChangeSubject ILoggedResponse.Subject => ChangeSubject.Bookmark;
    long ILoggedResponse.SubjectId => Id;
}

/// <summary>
/// One of the bookmarker's own tags: a label of theirs, not an archive <see cref="Tags.Tag"/>. Archive tags are the
/// creators' description of works, wrangled, autocompleted and listed on tag pages; personal labels (private ones
/// too) would flood the wrangling queue and leak through autocomplete, and a tag page would not list the bookmark.
/// So they link to the bookmarker's own bookmarks with that label.
/// </summary>
public class BookmarkTag
{
    public int BookmarkId { get; set; }
    public Bookmark Bookmark { get; set; } = null!;
    /// <summary>As typed (trimmed), under the archive's tag name rules.</summary>
    public required string Name { get; set; }
    /// <summary><see cref="Tags.TagName.Normalize"/> of the name: one label per spelling, and what the filter compares.</summary>
    public required string NormalizedName { get; set; }
    public int Position { get; set; }
}
