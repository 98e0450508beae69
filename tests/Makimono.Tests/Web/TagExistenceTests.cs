using System.Net;
using System.Text.RegularExpressions;
using Makimono.Tags;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// A tag exists for a viewer when it is canonical or a synonym, or a work the viewer may see uses it (TagVisibility).
/// Otherwise its page answers exactly as for a name nobody ever typed, so drafts, hidden works and (for guests)
/// restricted works cannot be found out through their tags.
/// </summary>
public sealed partial class TagExistenceTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Tags_used_only_where_the_viewer_cannot_look_answer_as_if_they_did_not_exist()
    {
        await archive.CreateUserAsync("secretwriter");
        await archive.CreateUserAsync("secretreader");
        using var writer = await archive.LoggedInAsync("secretwriter");
        await writer.PostWorkAsync("Secret Draft", fandom: "Secret Draft Fandom", characters: "Draft Only Person", draft: true);
        await writer.PostWorkAsync("Secret Members", fandom: "Secret Members Fandom", characters: "Members Only Person", restricted: true);
        var hidden = await writer.PostWorkAsync("Secret Hidden", fandom: "Secret Hidden Fandom", characters: "Hidden Only Person");
        // Hidden as the admin's button does it, through a save (which also tells the autocomplete index).
        await archive.WithDbAsync(async db =>
        {
            (await db.Works.SingleAsync(w => w.Id == hidden)).IsHidden = true;
            return await db.SaveChangesAsync();
        });
        await writer.PostWorkAsync("Open Work", fandom: "Secret Open Fandom", characters: "Open Person");

        using var guest = archive.Guest();
        using var reader = await archive.LoggedInAsync("secretreader");
        var never = await guest.GetAsync(TagUrl.WorksPath("Nobody Ever Typed This"));
        Assert.Equal(HttpStatusCode.NotFound, never.Status);

        var expected = new (string Tag, bool Guest, bool Reader, bool Writer)[]
        {
            ("Draft Only Person", false, false, true),
            ("Secret Draft Fandom", false, false, true),
            ("Members Only Person", false, true, true),
            ("Hidden Only Person", false, false, true),
            ("Open Person", true, true, true),
        };
        foreach (var (tag, forGuest, forReader, forWriter) in expected)
        {
            foreach (var (viewer, client, exists) in new[] { ("guest", guest, forGuest), ("reader", reader, forReader), ("creator", writer, forWriter) })
            {
                var (status, body) = await client.GetAsync(TagUrl.WorksPath(tag));
                Assert.True(status == (exists ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{tag} for the {viewer}: {status}");
                if (!exists && client == guest)
                {
                    Assert.Equal(never.Body, body);
                }
            }
        }
        // The wrangling page tells a reader who may not wrangle no more than the tag page does.
        var neverWrangle = await reader.GetAsync("/tags/Nobody%20Ever%20Typed%20This/wrangle");
        Assert.Equal(HttpStatusCode.NotFound, neverWrangle.Status);
        var draftWrangle = await reader.GetAsync("/tags/Draft%20Only%20Person/wrangle");
        Assert.Equal(HttpStatusCode.NotFound, draftWrangle.Status);
        Assert.Equal(WithoutToken(neverWrangle.Body), WithoutToken(draftWrangle.Body));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/tags/Open%20Person/wrangle")).Status);
        // Autocomplete follows the same rule, for a guest because one index serves everyone.
        var (_, suggested) = await reader.GetAsync("/tags/autocomplete?term=only&type=character");
        Assert.DoesNotContain("Draft Only Person", suggested);
        Assert.DoesNotContain("Hidden Only Person", suggested);
    }

    [Fact]
    public async Task A_synonym_used_only_on_a_draft_still_leads_to_its_canonical_tag_because_wranglers_made_it_public()
    {
        await archive.CreateUserAsync("synonymadmin", isAdmin: true);
        using var admin = await archive.LoggedInAsync("synonymadmin");
        await admin.PostWorkAsync("Public Canonical", fandom: "Synonym Fandom", characters: "Canon Person");
        await admin.PostWorkAsync("Draft Synonym", fandom: "Synonym Fandom", characters: "Canon Alias", draft: true);
        using (var canonical = await (await admin.PageAsync("/tags/Canon%20Person/wrangle")).Form("Make canonical").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, canonical.StatusCode);
        }
        using (var merge = await (await admin.PageAsync("/tags/Canon%20Alias/wrangle")).Form("Merge").Set("canonicalName", "Canon Person").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        }
        using var guest = archive.Guest();
        using var redirect = await guest.Http.GetAsync(new Uri(TagUrl.WorksPath("Canon Alias"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("Canon Alias", (await guest.FollowAsync(redirect)).Html);
    }

    /// <summary>The page without its log-out form's anti-forgery token, which is new on every page.</summary>
    private static string WithoutToken(string html) => Token().Replace(html, "");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex Token();
}
