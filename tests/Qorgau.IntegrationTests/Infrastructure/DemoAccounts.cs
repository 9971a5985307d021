using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>The demo accounts by the first word of their email ("admin", "analyst", "supervisor"...): the first one listed wins.</summary>
public static class DemoAccounts
{
    public static string Email(string who) => DemoVerb.Accounts.First(a => a.Email.StartsWith(who + "@", StringComparison.Ordinal)).Email;
}
