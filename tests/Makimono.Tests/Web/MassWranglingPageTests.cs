using System.Globalization;
using System.Net;
using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class MassWranglingPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_wrangler_applies_each_action_to_the_ticked_tags_of_their_fandom_and_is_told_which_were_refused()
    {
        var admin = await archive.CreateUserAsync("massadmin", isAdmin: true);
        var wrangler = await archive.CreateUserAsync("masswrangler");
        using var author = await archive.LoggedInAsync("massadmin");
        await author.PostWorkAsync("Mass One", fandom: "Mass Fandom", characters: "Mass Alpha, Mass Beta, Mass Gamma, Mass Delta");
        await author.PostWorkAsync("Mass Two", fandom: "Mass Elsewhere", characters: "Mass Outsider");
        var fandomId = await archive.WithDbAsync(async db =>
        {
            var fandom = await db.Tags.SingleAsync(t => t.Name == "Mass Fandom");
            await MakeCanonical.RunAsync(db, TimeProvider.System, new Viewer(admin.Id, true), fandom.Id);
            db.WranglerAssignments.Add(new WranglerAssignment { UserId = wrangler.Id, FandomTagId = fandom.Id });
            await db.SaveChangesAsync();
            return fandom.Id;
        });
        using var client = await archive.LoggedInAsync("masswrangler");

        // The wrangler's queue does not offer a tag of another fandom; the admin's does, and the wrangler sending the
        // admin's form (with her own token) has that tag refused and the others changed.
        var canonical = await SubmitAsync(client, MassAction.MakeCanonical, null, ["Mass Alpha", "Mass Beta", "Mass Outsider"], formOf: author);
        Assert.Contains("Changed 2 of 3 tags.", canonical);
        Assert.Contains("Only admins and wranglers of", canonical);
        Assert.Equal(new[] { true, true, false }, await CanonicalAsync("Mass Alpha", "Mass Beta", "Mass Outsider"));

        var merged = await SubmitAsync(client, MassAction.Merge, "mass alpha", "Mass Gamma");
        Assert.Contains("Changed 1 of 1 tags.", merged);
        var parented = await SubmitAsync(client, MassAction.AddParentFandom, "Mass Fandom", "Mass Alpha", "Mass Beta");
        Assert.Contains("Changed 2 of 2 tags.", parented);
        Assert.Contains("Changed 1 of 1 tags.", await SubmitAsync(client, MassAction.MarkUnwrangleable, null, "Mass Delta"));

        await archive.WithDbAsync(async db =>
        {
            var tags = await db.Tags.Where(t => t.Name.StartsWith("Mass ")).ToDictionaryAsync(t => t.Name);
            Assert.Equal(tags["Mass Alpha"].Id, tags["Mass Gamma"].MergerId);
            Assert.True(tags["Mass Delta"].IsUnwrangleable);
            var parents = await db.TagParents.Where(p => p.ParentId == fandomId).Select(p => p.Child.Name).OrderBy(n => n).ToListAsync();
            Assert.Equal(["Mass Alpha", "Mass Beta"], parents);
            // One logged change per tag and action, each by the wrangler.
            var log = await db.WranglingLog.Where(e => e.UserId == wrangler.Id).ToListAsync();
            Assert.Equal(6, log.Count);
            return true;
        });

        // Each tag's change is undone alone, from its own wrangling page.
        using (var undo = await client.SubmitFormAsync("/tags/Mass%20Gamma/wrangle", "Undo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        }
        Assert.Null(await archive.WithDbAsync(db => db.Tags.Where(t => t.Name == "Mass Gamma").Select(t => t.MergerId).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_target_or_no_ticked_tag_changes_nothing_and_keeps_what_was_typed()
    {
        await archive.CreateUserAsync("massadmin2", isAdmin: true);
        using var client = await archive.LoggedInAsync("massadmin2");
        await client.PostWorkAsync("Mass Three", fandom: "Mass Fandom Two", characters: "Mass Epsilon");

        var unknown = await SubmitAsync(client, MassAction.Merge, "Mass Nobody", "Mass Epsilon");
        Assert.Contains("There is no tag called &quot;Mass Nobody&quot;.", unknown);
        Assert.Contains("value=\"Mass Nobody\"", unknown);
        Assert.Contains("Tick the tags to change.", await SubmitAsync(client, MassAction.MakeCanonical, null));
        Assert.Equal(0, await archive.WithDbAsync(db => db.WranglingLog.CountAsync(e => e.Tag.Name == "Mass Epsilon")));
    }

    private Task<string> SubmitAsync(WebClient client, MassAction action, string? otherName, params string[] tagNames) =>
        SubmitAsync(client, action, otherName, tagNames, formOf: null);

    /// <summary>Ticks the tags on the queue's form and applies the action; the form is the one served to <paramref name="formOf"/> if given.</summary>
    private async Task<string> SubmitAsync(WebClient client, MassAction action, string? otherName, string[] tagNames, WebClient? formOf)
    {
        var ids = await archive.WithDbAsync(db => db.Tags.Where(t => tagNames.Contains(t.Name)).Select(t => t.Id).ToListAsync());
        var form = (await (formOf ?? client).PageAsync("/tags/unwrangled")).Form("Apply to ticked tags")
            .Check("action", action.ToString()).Set("otherName", otherName ?? "");
        foreach (var id in ids)
        {
            form.Check("tagIds", id.ToString(CultureInfo.InvariantCulture));
        }
        using var response = formOf is null ? await form.SubmitAsync() : await client.ReplayAsync(form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<bool[]> CanonicalAsync(params string[] names) => archive.WithDbAsync(async db =>
    {
        var canonical = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, t => t.IsCanonical);
        return names.Select(n => canonical[n]).ToArray();
    });
}
