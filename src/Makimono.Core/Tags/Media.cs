namespace Makimono.Tags;

/// <summary>The media AO3 sorts fandoms under; a canonical fandom without one is listed as uncategorized.</summary>
public enum Media
{
    AnimeManga = 1,
    BooksLiterature = 2,
    CartoonsComicsGraphicNovels = 3,
    CelebritiesRealPeople = 4,
    Movies = 5,
    MusicBands = 6,
    OtherMedia = 7,
    Theater = 8,
    TvShows = 9,
    VideoGames = 10,
}

public static class MediaNames
{
    public const string Uncategorized = "Uncategorized Fandoms";

    /// <summary>The URL segment for fandoms without a medium.</summary>
    public const string UncategorizedSlug = "uncategorized";

    public static string Name(Media media) => media switch
    {
        Media.AnimeManga => "Anime & Manga",
        Media.BooksLiterature => "Books & Literature",
        Media.CartoonsComicsGraphicNovels => "Cartoons & Comics & Graphic Novels",
        Media.CelebritiesRealPeople => "Celebrities & Real People",
        Media.Movies => "Movies",
        Media.MusicBands => "Music & Bands",
        Media.OtherMedia => "Other Media",
        Media.Theater => "Theater",
        Media.TvShows => "TV Shows",
        Media.VideoGames => "Video Games",
        _ => media.ToString(),
    };

    public static string Name(Media? media) => media is { } m ? Name(m) : Uncategorized;

    /// <summary>"Anime & Manga Fandoms", "Uncategorized Fandoms": the heading of a medium's list of fandoms.</summary>
    public static string FandomsHeading(Media? media) => media is { } m ? $"{Name(m)} Fandoms" : Uncategorized;

    /// <summary>"anime-manga", "tv-shows": for URLs and starter files.</summary>
    public static string Slug(Media? media) => media is { } m
        ? string.Join('-', Name(m).ToLowerInvariant().Split([' ', '&'], StringSplitOptions.RemoveEmptyEntries))
        : UncategorizedSlug;

    /// <summary>Reads a slug or a name as shown ("TV Shows", "tv-shows"); null for unknown text.</summary>
    public static bool TryParse(string? text, out Media? media)
    {
        media = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var wanted = text.Trim();
        if (wanted.Equals(UncategorizedSlug, StringComparison.OrdinalIgnoreCase) || wanted.Equals(Uncategorized, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var candidate in Enum.GetValues<Media>())
        {
            if (wanted.Equals(Slug(candidate), StringComparison.OrdinalIgnoreCase) || wanted.Equals(Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                media = candidate;
                return true;
            }
        }
        return false;
    }
}
