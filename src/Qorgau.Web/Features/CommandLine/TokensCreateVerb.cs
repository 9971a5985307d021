using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.CommandLine;

/// <summary><c>tokens create --user EMAIL --name NAME</c>: a personal access token for the staff API, printed once.</summary>
internal sealed class TokensCreateVerb : IVerb
{
    private readonly Option<string> _user = new("--user");
    private readonly Option<string> _name = new("--name");

    public string Name => "tokens create";

    public string Usage => "tokens create --user EMAIL --name NAME";

    public string Description => "create a personal access token for the staff API; prints it once";

    public void Declare(Command command)
    {
        command.Options.Add(_user);
        command.Options.Add(_name);
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var email = arguments.GetValue(_user) ?? throw new VerbUsageException("missing --user EMAIL");
        var name = arguments.GetValue(_name) ?? throw new VerbUsageException("missing --name NAME");
        if (PersonalAccessTokens.ProblemWithName(name) is { } problem)
        {
            throw new VerbUsageException(problem == "too-long" ? "--name is too long (at most 100 characters)" : "--name is empty");
        }

        if (await context.OpenDatabaseAsync() is null)
        {
            return CommandLineApp.Failure;
        }

        var user = await context.Get<UserManager<StaffUser>>().FindByEmailAsync(email.Trim());
        if (user is null)
        {
            context.Error.WriteLine($"tokens create: no account with the email {email.Trim()}; nothing was created.");
            return CommandLineApp.Failure;
        }

        var token = await context.Get<PersonalAccessTokens>().CreateAsync(user, name, actorId: null);
        context.Out.WriteLine(token);
        context.Error.WriteLine($"Token '{name.Trim()}' created for {user.Email}. It is shown only now; it acts with the account's rights and can be revoked on /account/tokens.");
        return CommandLineApp.Success;
    }
}
