using Makimono.Web.Pipeline;
using System.CommandLine;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Cli;

internal static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Manage users.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(ResetPassword());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The new user's name." };
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var admin = new Option<bool>("--admin") { Description = "Make the user an administrator." };
        var add = new Command("add", "Create a user. The password is read from standard input, or prompted for; never from arguments.");
        add.Arguments.Add(name);
        add.Options.Add(email);
        add.Options.Add(admin);
        add.SetAction(async (parse, ct) =>
        {
            var password = PasswordInput.Read();
            if (password is null)
            {
                await Console.Error.WriteLineAsync("No password given: type one at the prompt, or pipe it on standard input.");
                return 2;
            }
            using var host = ConsoleHost.Build(CommandLine.Overrides(parse));
            await ArchiveStartup.MigrateAsync(host.Services, ct);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var result = await CreateUser.RunAsync(db, clock, parse.GetValue(name)!, parse.GetValue(email)!, password, parse.GetValue(admin), ct);
            if (!result.Succeeded)
            {
                foreach (var (field, message) in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"{field}: {message}");
                }
                return 1;
            }
            Console.WriteLine($"Created {(result.User!.IsAdmin ? "admin" : "user")} {result.User.UserName} (id {result.User.Id}).");
            return 0;
        });
        return add;
    }

    /// <summary>For an archive without mail, or a user whose address is gone: the operator sets the password.</summary>
    private static Command ResetPassword()
    {
        var name = new Argument<string>("NAME") { Description = "The user whose password is reset." };
        var generate = new Option<bool>("--generate") { Description = "Generate a new password and print it on standard output, instead of reading one." };
        var reset = new Command("reset-password",
            "Set a user's password and end every session of the account. The new password is read from standard input, or prompted for (never from arguments); with --generate one is made and printed.");
        reset.Arguments.Add(name);
        reset.Options.Add(generate);
        reset.SetAction(async (parse, ct) =>
        {
            var generated = parse.GetValue(generate);
            var password = generated ? PasswordReset.Generate() : PasswordInput.Read();
            if (password is null)
            {
                await Console.Error.WriteLineAsync("No password given: type one at the prompt, pipe it on standard input, or use --generate.");
                return 2;
            }
            if (Passwords.Validate(password) is { } problem)
            {
                await Console.Error.WriteLineAsync($"Password: {problem}");
                return 1;
            }
            using var host = ConsoleHost.Build(CommandLine.Overrides(parse));
            await ArchiveStartup.MigrateAsync(host.Services, ct);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var userName = parse.GetValue(name)!;
            var normalized = AccountNames.Normalize(userName);
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
            if (user is null)
            {
                await Console.Error.WriteLineAsync($"There is no user called \"{userName}\".");
                return 1;
            }
            await PasswordReset.SetAsync(db, user.Id, password, ct);
            await Console.Error.WriteLineAsync($"Reset the password of {user.UserName} (id {user.Id}); every session of the account has ended.");
            if (generated)
            {
                // Alone on standard output, so a script can take it.
                Console.WriteLine(password);
            }
            return 0;
        });
        return reset;
    }
}
