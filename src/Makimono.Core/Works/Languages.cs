using System.Globalization;

namespace Makimono.Works;

/// <summary>
/// The languages a work can be in, from the cultures the platform knows (ICU): a work stores the code ("en", "pt-BR"),
/// people see and type the language's own name ("English", "Français", "日本語"), as on AO3. The one list the work
/// form offers, the form checks against, and imports map names through.
/// </summary>
public static class Languages
{
    public const string DefaultCode = "en";

    public sealed record Language(string Code, string Name);

    /// <summary>What the form offers: every language (not its regional variants), by its own name.</summary>
    public static IReadOnlyList<Language> Offered { get; }

    private static readonly Dictionary<string, Language> ByCode = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> CodeByName = new(StringComparer.InvariantCultureIgnoreCase);

    /// <summary>AO3's names that are no culture's own name, so that AO3 downloads and pages map as before.</summary>
    private static readonly (string Name, string Code)[] Ao3Names =
    [
        ("Português brasileiro", "pt-BR"),
        ("Português europeu", "pt"),
        ("中文-普通话 國語", "zh"),
    ];

    static Languages()
    {
        var cultures = CultureInfo.GetCultures(CultureTypes.AllCultures)
            .Where(c => c.Name.Length > 0)
            // Languages before their regional variants, so a shared English name ("Chinese") means the language.
            .OrderBy(c => c.IsNeutralCulture ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var culture in cultures)
        {
            var language = new Language(culture.Name, OwnName(culture));
            ByCode[culture.Name] = language;
            CodeByName.TryAdd(language.Name, culture.Name);
            CodeByName.TryAdd(culture.EnglishName, culture.Name);
        }
        foreach (var (name, code) in Ao3Names)
        {
            CodeByName.TryAdd(name, code);
        }
        Offered = cultures.Where(c => c.IsNeutralCulture).Select(c => ByCode[c.Name])
            .OrderBy(l => l.Name, StringComparer.InvariantCultureIgnoreCase).ToList();
    }

    /// <summary>The code of a typed language name ("Français", "french") or code ("FR", "pt-br"); null for one it does not know.</summary>
    public static string? CodeOf(string? typed)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return ByCode.TryGetValue(text, out var language) ? language.Code
            : CodeByName.TryGetValue(text, out var code) ? code
            : null;
    }

    /// <summary>A code's name as the form shows it; the code itself for one the platform does not know (kept from older archives).</summary>
    public static string NameOf(string code) => ByCode.TryGetValue(code, out var language) ? language.Name : code;

    /// <summary>ICU writes many languages' own names in lower case ("français"); a list shows them capitalised, as AO3 does.</summary>
    private static string OwnName(CultureInfo culture)
    {
        var name = culture.NativeName;
        return name.Length == 0 ? culture.Name : culture.TextInfo.ToUpper(name[0]) + name[1..];
    }
}
