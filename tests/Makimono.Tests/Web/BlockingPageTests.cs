using System.Net;
using Makimono.Responses.Blocking;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Block and Unblock on a user's page and on /account/blocked, and what a block does to kudos.</summary>
public sealed class BlockingPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private static string Text(HtmlPage page) =>
        string.Join(' ', page.Document.QuerySelector("main")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<HtmlPage> PressAsync(WebClient client, HtmlPage page, string button)
    {
        using var response = await page.Form(button).SubmitAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{button} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await client.FollowAsync(response);
    }

    [Fact]
    public async Task A_blocked_reader_cannot_leave_kudos_until_the_author_unblocks_them()
    {
        await archive.CreateUserAsync("blockauthor");
        await archive.CreateUserAsync("blockreader");
        using var author = await archive.LoggedInAsync("blockauthor");
        var id = await author.PostWorkAsync("Not for Everyone");
        using var reader = await archive.LoggedInAsync("blockreader");

        var profile = await PressAsync(author, await author.PageAsync("/users/blockreader"), "Block blockreader");
        Assert.Equal("/users/blockreader", profile.Address.AbsolutePath);
        Assert.Contains("You blocked blockreader", Text(profile), StringComparison.Ordinal);
        Assert.True(profile.HasButton("Unblock blockreader"));

        var refused = await PressAsync(reader, await reader.PageAsync($"/works/{id}"), "Kudos ♥");
        Assert.Contains("one of this work's creators has blocked you", Text(refused), StringComparison.Ordinal);
        Assert.Contains("No kudos yet.", Text(refused), StringComparison.Ordinal);

        // The account page links the list, where the block can be lifted.
        var account = await author.PageAsync("/account");
        var blocked = await author.PageAsync(account.Links.Single(l => l.AbsolutePath == "/account/blocked").PathAndQuery);
        Assert.Contains(blocked.Links, l => l.AbsolutePath == "/users/blockreader");
        var lifted = await PressAsync(author, blocked, "Unblock blockreader");
        Assert.Contains("You unblocked blockreader.", Text(lifted), StringComparison.Ordinal);
        Assert.Contains("You have not blocked anyone.", Text(lifted), StringComparison.Ordinal);

        var left = await PressAsync(reader, await reader.PageAsync($"/works/{id}"), "Kudos ♥");
        Assert.Contains("Thank you for leaving kudos!", Text(left), StringComparison.Ordinal);
        Assert.Contains("blockreader left kudos on this work!", Text(left), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_user_page_blocks_and_unblocks_and_the_list_blocks_by_name_but_never_oneself()
    {
        await archive.CreateUserAsync("listowner");
        await archive.CreateUserAsync("listed");
        using var owner = await archive.LoggedInAsync("listowner");
        // Nobody is offered a button to block themselves.
        Assert.False((await owner.PageAsync("/users/listowner")).HasButton("Block listowner"));

        var profile = await PressAsync(owner, await owner.PageAsync("/users/listed"), "Block listed");
        profile = await PressAsync(owner, profile, "Unblock listed");
        Assert.Contains("You unblocked listed.", Text(profile), StringComparison.Ordinal);
        Assert.True(profile.HasButton("Block listed"));

        var self = await (await owner.PageAsync("/account/blocked")).Form("Block user").Set("UserName", "listowner").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("You can&#x27;t block yourself.", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nobody = await (await owner.PageAsync("/account/blocked")).Form("Block user").Set("UserName", "nosuchperson").SubmitAsync();
        Assert.Contains("There is no user named", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await owner.PageAsync("/account/blocked");
        using var blocked = await page.Form("Block user").Set("UserName", " LISTED ").SubmitAsync();
        var byName = await owner.FollowAsync(blocked);
        Assert.Equal("/account/blocked", byName.Address.AbsolutePath);
        Assert.Contains(byName.Links, l => l.AbsolutePath == "/users/listed");
        Assert.Equal(0, await archive.WithDbAsync(db => db.UserBlocks.CountAsync(b => b.BlockerId == b.BlockedId)));
    }

    [Fact]
    public async Task Blocking_past_the_limit_is_refused_with_a_message_that_says_what_to_do()
    {
        var owner = await archive.CreateUserAsync("limitowner");
        await archive.CreateUserAsync("oneover");
        // The limit's worth of blocks, stored directly: pressing the button 2,000 times would say nothing more.
        await archive.WithDbAsync(async db =>
        {
            var names = Enumerable.Range(0, Makimono.Works.Limits.BlocksMax).Select(i => $"limitblocked{i}").ToList();
            db.Users.AddRange(names.Select(n => new Makimono.Accounts.User
            {
                UserName = n, NormalizedUserName = n.ToUpperInvariant(), Email = $"{n}@example.org", PasswordHash = "x",
            }));
            await db.SaveChangesAsync();
            var ids = await db.Users.Where(u => names.Contains(u.UserName)).Select(u => u.Id).ToListAsync();
            db.UserBlocks.AddRange(ids.Select(id => new UserBlock { BlockerId = owner.Id, BlockedId = id }));
            return await db.SaveChangesAsync();
        });
        using var client = await archive.LoggedInAsync("limitowner");

        var profile = await PressAsync(client, await client.PageAsync("/users/oneover"), "Block oneover");
        Assert.Contains("You have blocked 2,000 users, the most you can. Unblock someone to block oneover.", Text(profile), StringComparison.Ordinal);
        Assert.True(profile.HasButton("Block oneover"));
    }
}
