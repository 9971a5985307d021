using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Retention;
using Qorgau.Web.Features.Retention;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary>
/// <c>retention --dry-run | --apply [--organisation CODE]</c>: lists what each organisation's retention periods
/// make due today (one line per case, and what holds a case back), or removes it: a case's keys, files and
/// identifying records, or a closed case's receipt. The operator runs it (from cron); it applies the periods
/// the organisations' supervisors set, never a period of its own, and never touches a case under a legal hold.
/// </summary>
internal sealed class RetentionVerb : IVerb
{
    private readonly Option<bool> _dryRun = new("--dry-run");
    private readonly Option<bool> _apply = new("--apply");
    private readonly Option<string> _organisation = new("--organisation");

    public string Name => "retention";

    public string Usage => "retention --dry-run | --apply [--organisation CODE]";

    public string Description => "list (--dry-run) or remove (--apply) the closed cases and unused receipts each organisation's retention periods make due";

    public void Declare(Command command)
    {
        command.Options.Add(_dryRun);
        command.Options.Add(_apply);
        command.Options.Add(_organisation);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_dryRun) == result.GetValue(_apply))
            {
                result.AddError("give exactly one of --dry-run and --apply");
            }
        });
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        var codes = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code);
        Guid? organisationId = null;
        if (arguments.GetValue(_organisation) is { } code)
        {
            if (codes.FirstOrDefault(c => c.Value == code) is not { Value: not null } found)
            {
                context.Error.WriteLine($"retention: there is no organisation '{code}' (see organisations list)");
                return CommandLineApp.Failure;
            }

            organisationId = found.Key;
        }

        var work = context.Get<RetentionWork>();
        var due = await work.DueAsync(organisationId, CancellationToken.None);
        foreach (var item in due)
        {
            context.Out.WriteLine(Line(item, codes[item.Case.OrganisationId]));
        }

        var goes = due.Count(i => i.Goes);
        if (arguments.GetValue(_dryRun))
        {
            context.Out.WriteLine($"Dry run on {work.Today:yyyy-MM-dd}: {goes} would go ({due.Count(i => i.Goes && i.Action == RetentionAction.DeleteCase)} cases, {due.Count(i => i.Goes && i.Action == RetentionAction.RetireReceipt)} receipts), {due.Count - goes} held back; nothing was changed.");
            return CommandLineApp.Success;
        }

        var outcome = await work.ApplyAsync(organisationId, CancellationToken.None);
        context.Out.WriteLine($"Removed {outcome.CasesDeleted} cases ({outcome.BlobsDeleted} files) and retired {outcome.ReceiptsRetired} receipts; {due.Count - goes} held back, {outcome.Skipped} no longer due.");
        return CommandLineApp.Success;
    }

    /// <summary>One line per case: organisation, case number, what, closed, due, and what holds it back if anything.</summary>
    private static string Line(RetentionItem item, string organisation)
    {
        var what = item.Action == RetentionAction.DeleteCase ? "delete-case" : "retire-receipt";
        var state = item.BlockedBy switch
        {
            null => "due",
            RetentionBlock.LegalHold => "held: legal hold",
            RetentionBlock.ProceedingOpen => "held: proceeding not finished",
            _ => "held: merged into a case still kept",
        };
        return $"{organisation} {item.Case.PublicId} {what} closed {item.Case.ClosedOn:yyyy-MM-dd} due {item.DueOn:yyyy-MM-dd} {state}";
    }
}
