namespace Makimono.Works;

/// <summary>AO3's limits, which our users already write to.</summary>
public static class Limits
{
    public const int TitleMax = 255;
    public const int SummaryMax = 1250;
    public const int NotesMax = 5000;
    public const int ChapterBodyMin = 10;
    public const int ChapterBodyMax = 510_000;
    public const int UserTagsMax = 75;
    /// <summary>Ours, not AO3's: more series than this on one work is a slip of the paste, or an attack.</summary>
    public const int SeriesPerWorkMax = 30;
    /// <summary>The earliest publication date a work can be backdated to: before it, a date is a typing slip.</summary>
    public static readonly DateOnly EarliestPublishedOn = new(1900, 1, 1);
    public const int UserNameMax = 40;
    public const int PseudNameMax = 40;
    public const int PasswordMin = 8;
    public const int PageSize = 20;
    /// <summary>A comment's typed text, as AO3 counts it.</summary>
    public const int CommentMax = 10_000;
    public const int CommentGuestNameMax = 100;
    public const int EmailMax = 320;
    /// <summary>AO3's limit on a bookmark's note, counted on the text as typed.</summary>
    public const int BookmarkNoteMax = 5000;
    /// <summary>The bookmarker's own tags on one bookmark; as many as a work may carry.</summary>
    public const int BookmarkTagsMax = 75;
}
