namespace Makimono.Tags;

/// <summary>
/// The canonical tags every archive has: ratings, archive warnings and categories.
/// Their ids are fixed because migrations seed them and forms refer to them.
/// </summary>
public static class FixedTags
{
    public static readonly IReadOnlyList<FixedTag> Ratings =
    [
        new(1, "Not Rated", TagType.Rating, "NR", "rating-notrated"),
        new(2, "General Audiences", TagType.Rating, "G", "rating-general-audience"),
        new(3, "Teen And Up Audiences", TagType.Rating, "T", "rating-teen"),
        new(4, "Mature", TagType.Rating, "M", "rating-mature"),
        new(5, "Explicit", TagType.Rating, "E", "rating-explicit"),
    ];

    public static readonly IReadOnlyList<FixedTag> ArchiveWarnings =
    [
        new(11, "Creator Chose Not To Use Archive Warnings", TagType.ArchiveWarning, "CNTW", "warning-choosenotto"),
        new(12, "Graphic Depictions Of Violence", TagType.ArchiveWarning, "V", "warning-yes"),
        new(13, "Major Character Death", TagType.ArchiveWarning, "MCD", "warning-yes"),
        new(14, "No Archive Warnings Apply", TagType.ArchiveWarning, "None", "warning-no"),
        new(15, "Rape/Non-Con", TagType.ArchiveWarning, "NC", "warning-yes"),
        new(16, "Underage Sex", TagType.ArchiveWarning, "U", "warning-yes"),
    ];

    public static readonly IReadOnlyList<FixedTag> Categories =
    [
        new(21, "F/F", TagType.Category, "F/F", "category-femslash"),
        new(22, "F/M", TagType.Category, "F/M", "category-het"),
        new(23, "Gen", TagType.Category, "Gen", "category-gen"),
        new(24, "M/M", TagType.Category, "M/M", "category-slash"),
        new(25, "Multi", TagType.Category, "Multi", "category-multi"),
        new(26, "Other", TagType.Category, "Other", "category-other"),
    ];

    public static IEnumerable<FixedTag> All => Ratings.Concat(ArchiveWarnings).Concat(Categories);

    /// <summary>Ids below this are reserved for fixed tags, so user tags never collide with seeds.</summary>
    public const int FirstUserTagId = 1000;

    public const int NotRatedId = 1;
    public const int ChoseNotToWarnId = 11;
    public const int NoWarningsApplyId = 14;
}

/// <param name="Symbol">The short text shown in the square symbol of a listing blurb.</param>
/// <param name="CssClass">Styles the symbol; AO3 users recognise the colours.</param>
public sealed record FixedTag(int Id, string Name, TagType Type, string Symbol, string CssClass);
