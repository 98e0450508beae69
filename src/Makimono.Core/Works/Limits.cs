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
    public const int UserNameMax = 40;
    public const int PseudNameMax = 40;
    public const int PasswordMin = 8;
    public const int PageSize = 20;
}
