using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Tests.Works;

/// <summary>Forms that pass validation, for tests to break one field at a time.</summary>
public static class Forms
{
    /// <summary>13 words.</summary>
    public const string Body = "It was a quiet morning in the village, and nobody expected the dragon.";
    public const int BodyWords = 13;

    public const int GeneralAudiencesId = 2;
    public const int GenId = 23;

    public static WorkForm Work(string title = "The Quiet Village") => new()
    {
        Title = title,
        Summary = "A dragon arrives.",
        RatingId = GeneralAudiencesId,
        WarningIds = [FixedTags.NoWarningsApplyId],
        CategoryIds = [GenId],
        Fandoms = "Original Work",
        ExpectedChapters = "?",
    };

    public static ChapterForm Chapter(string body = Body, string? title = null) => new() { Title = title, Body = body };
}
