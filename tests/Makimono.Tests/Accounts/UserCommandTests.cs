using Makimono.Tests.Import;

namespace Makimono.Tests.Accounts;

/// <summary>`makimono user add` goes through the same name and password rules as sign-up.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("makimono-users-").FullName;

    [Fact]
    public async Task User_add_refuses_lookalike_names_and_common_passwords()
    {
        var (added, _, addError) = await AddAsync("alice", "a long enough password");
        Assert.True(added == 0, addError);

        var (lookalike, _, lookalikeError) = await AddAsync("\u0430lice", "a long enough password");
        var (common, _, commonError) = await AddAsync("bob", "password");

        Assert.Equal(1, lookalike);
        Assert.Contains("looks too much like the name of the user \"alice\"", lookalikeError, StringComparison.Ordinal);
        Assert.Equal(1, common);
        Assert.Contains("one of the most common", commonError, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Stdout, string Stderr)> AddAsync(string name, string password) =>
        ImportCommandTests.RunAsync(["user", "add", name, "--email", "x@example.org", "--data", _data], stdin: password + "\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
