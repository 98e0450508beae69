using System.Text;

namespace Makimono.Cli;

/// <summary>Reads a password without echoing it on a terminal; from a pipe, reads the first line.</summary>
internal static class PasswordInput
{
    public static string? Read()
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            return string.IsNullOrEmpty(line) ? null : line;
        }
        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
                continue;
            }
            password.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return password.Length == 0 ? null : password.ToString();
    }
}
