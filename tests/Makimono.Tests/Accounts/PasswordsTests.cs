using Makimono.Accounts;
using Makimono.Tests.Web;

namespace Makimono.Tests.Accounts;

public sealed class PasswordsTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("iloveyou")]
    [InlineData("sunshine")]
    [InlineData("qwertyuiop")]
    public void Common_passwords_are_refused_with_the_reason(string password)
    {
        var problem = Passwords.Validate(password);

        Assert.NotNull(problem);
        Assert.Contains("common", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_holds_at_least_ten_thousand_passwords() =>
        Assert.True(Passwords.CommonCount >= 10_000, $"only {Passwords.CommonCount} common passwords");

    [Theory]
    [InlineData(WebClient.Password)]
    [InlineData("long enough 1")]
    [InlineData("Tr0ub4dor&3 horse")]
    public void Uncommon_passwords_of_eight_or_more_characters_pass(string password) => Assert.Null(Passwords.Validate(password));

    [Fact]
    public void Short_passwords_are_refused() =>
        Assert.Equal("Passwords are at least 8 characters long.", Passwords.Validate("Xq7#pLm"));
}
