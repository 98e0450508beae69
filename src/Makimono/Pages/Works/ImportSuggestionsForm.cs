using System.Globalization;
using Makimono.Import;
using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Pages.Works;

/// <summary>The import's suggestions next to the tag fields: which are already in the form, and adding the ticked ones.</summary>
public static class ImportSuggestionsForm
{
    /// <summary>
    /// Appends the ticked characters and relationships to their fields and sets the ticked rating and warnings.
    /// Only names that were suggested are taken, so the checkboxes cannot smuggle in anything else.
    /// </summary>
    public static void Apply(WorkForm form, ImportSuggestions suggestions, IReadOnlyList<string> characters,
        IReadOnlyList<string> relationships, string? rating, IReadOnlyList<string> warnings)
    {
        form.Characters = Append(form.Characters, suggestions.Characters.Select(TagFor).Where(characters.Contains));
        form.Relationships = Append(form.Relationships, suggestions.Relationships.Select(r => r.Name).Where(relationships.Contains));
        if (rating is not null && suggestions.Rating?.Name == rating && FixedTags.Ratings.FirstOrDefault(r => r.Name == rating) is { } ratingTag)
        {
            form.RatingId = ratingTag.Id;
        }
        var warningIds = FixedTags.ArchiveWarnings
            .Where(w => warnings.Contains(w.Name) && suggestions.ArchiveWarnings.Any(s => s.Name == w.Name))
            .Select(w => w.Id).ToList();
        if (warningIds.Count > 0)
        {
            // A warning that applies replaces "chose not to warn" and "no warnings apply", which the form starts with.
            form.WarningIds = form.WarningIds
                .Where(id => id is not (FixedTags.ChoseNotToWarnId or FixedTags.NoWarningsApplyId))
                .Union(warningIds).ToList();
        }
    }

    /// <summary>The archive's tag a suggested character maps to (say "Umino Iruka" for "Iruka"), else the name as found.</summary>
    public static string TagFor(CharacterSuggestion character) => character.Tag ?? character.Name;

    public static bool IsIn(string? field, string name) =>
        TagName.SplitList(field).Contains(name, StringComparer.OrdinalIgnoreCase);

    public static bool HasWarning(WorkForm form, string name) =>
        FixedTags.ArchiveWarnings.Any(w => w.Name == name && form.WarningIds.Contains(w.Id));

    public static bool HasRating(WorkForm form, string name) =>
        FixedTags.Ratings.Any(r => r.Name == name && form.RatingId == r.Id);

    /// <summary>A confidence as a person reads it: words first, the figure after.</summary>
    public static string Confidence(double confidence) =>
        string.Create(CultureInfo.InvariantCulture, $"{(confidence >= 0.8 ? "likely" : confidence >= 0.5 ? "possible" : "a guess")}, {confidence * 100:0}% sure");

    private static string Append(string? field, IEnumerable<string> names)
    {
        var tags = TagName.SplitList(field).ToList();
        tags.AddRange(names.Where(n => !tags.Contains(n, StringComparer.OrdinalIgnoreCase)));
        return string.Join(", ", tags);
    }
}
