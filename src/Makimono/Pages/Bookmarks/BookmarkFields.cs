using Makimono.Responses.Bookmarks;
using Makimono.Text;

namespace Makimono.Pages.Bookmarks;

/// <summary>The bookmark form's fields (Input.Note, Input.Tags…), as the work page, the series page and the edit page serve them.</summary>
public sealed class BookmarkFields
{
    public string? Note { get; set; }
    public string? Tags { get; set; }
    public bool IsPrivate { get; set; }
    public bool IsRec { get; set; }
    public int? PseudId { get; set; }

    public BookmarkInput ToInput() => new(Note, Tags, IsPrivate, IsRec, PseudId);

    /// <summary>An existing bookmark back in the form, the note as the reader typed it.</summary>
    public static BookmarkFields Of(Bookmark bookmark) => new()
    {
        Note = UserHtml.ForEditing(bookmark.Note),
        Tags = string.Join(", ", bookmark.Tags.OrderBy(t => t.Position).Select(t => t.Name)),
        IsPrivate = bookmark.IsPrivate,
        IsRec = bookmark.IsRec,
        PseudId = bookmark.PseudId,
    };
}

/// <summary>What the bookmark fields partial shows: the values, the reader's pseuds, and a prefix for element ids.</summary>
public sealed record BookmarkFieldsView(BookmarkFields Fields, IReadOnlyList<Accounts.Pseud> Pseuds, string IdPrefix);
