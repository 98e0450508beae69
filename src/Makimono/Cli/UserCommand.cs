using System.CommandLine;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web;

namespace Makimono.Cli;

internal static class UserCommand
{
    public static Command Create()
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
            await ArchiveWebApp.MigrateAsync(host.Services, ct);
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
        var command = new Command("user", "Manage users.");
        command.Subcommands.Add(add);
        return command;
    }
}
