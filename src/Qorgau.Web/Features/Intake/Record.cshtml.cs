using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// A staff member records a complaint that came another way (the 1402 hotline, a complaint box, a
/// letter, a court statement, a monitor's visit) for their own organisation. A complaint filed on
/// someone's behalf can get a receipt to hand over.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class RecordModel(
    UserManager<StaffUser> users,
    ComplaintIntake intake,
    QorgauDbContext db,
    JurisdictionProfile profile,
    IOptions<IntakeOptions> options,
    IStringLocalizer<SharedResource> localizer,
    Monitoring.MonitoringWork monitoring,
    Monitoring.BoxRegister boxes) : PageModel
{
    public static readonly IntakeChannel[] Channels =
        [IntakeChannel.Hotline, IntakeChannel.Box, IntakeChannel.Letter, IntakeChannel.Court, IntakeChannel.Visit, IntakeChannel.Other];

    public ComplaintFormView Form { get; private set; } = null!;

    public ChannelDetails Details { get; private set; } = new();

    public bool GiveReceipt { get; private set; } = true;

    /// <summary>The channel as posted, shown selected again on an error.</summary>
    public string? Channel { get; private set; }

    public NewCase? Filed { get; private set; }

    /// <summary>The item of a box opening this complaint records (posted back as hidden fields); null for any other complaint.</summary>
    public (Guid Opening, int Item)? BoxItem { get; private set; }

    /// <summary>The blank form; a link may preselect the channel and a reference (a monitor recording an allegation heard on a visit).</summary>
    public async Task OnGetAsync(string? channel, string? reference, Guid? opening, int? item, CancellationToken cancellationToken)
    {
        Channel = EnumCode.Parse<IntakeChannel>(channel) is { } preselected && Channels.Contains(preselected) ? channel : null;
        Details = new ChannelDetails(Reference: string.IsNullOrWhiteSpace(reference) ? null : reference.Trim());
        if (opening is { } openingId && item is { } number && await monitoring.MemberAsync(User) is { } member
            && (await boxes.CheckItemAsync(member, openingId, number, cancellationToken)).Target is { } target)
        {
            // An item found in a complaint box: the channel is the box, and the reference names the box, the opening and the item.
            BoxItem = (openingId, number);
            Channel = EnumCode.Of(IntakeChannel.Box);
            Details = new ChannelDetails(Reference: target.Reference);
        }

        Form = await NewFormAsync(new ComplaintForm());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        var organisation = user?.OrganisationId is { } id ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.PublicKey != null, cancellationToken) : null;
        if (organisation is null)
        {
            return NotFound();
        }

        var fields = await StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);
        var values = ComplaintFormView.Read(fields) with { Organisation = null };
        Details = ChannelDetails.Read(fields);
        GiveReceipt = fields.IsChecked("giveReceipt");
        Channel = fields["channel"];
        var channel = EnumCode.Parse<IntakeChannel>(Channel);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var check = await intake.CheckForOrganisationAsync(values, ComplaintRules.Languages.Contains(language) ? language : "ru", organisation, cancellationToken);
        Form = await NewFormAsync(values);
        if (fields["intent"] == "places" || Request.Query["intent"] == "places")
        {
            return Page();
        }

        foreach (var problem in check.Problems)
        {
            Form.AddError(problem.Field, ProblemText.Describe(localizer, ProblemArea.Complaint, problem));
        }

        if (channel is null || !Channels.Contains(channel.Value))
        {
            Form.AddError("channel", ProblemText.Describe(localizer, ProblemArea.Complaint, ComplaintProblemCode.Required));
        }

        var details = Details.Text();
        if (details.Length > ComplaintRules.MaxShortTextLength * 4)
        {
            Form.AddError("channel", localizer["Complaint.Problem.too-long", ComplaintRules.MaxShortTextLength * 4, details.Length]);
        }

        var boxItem = await BoxItemAsync(fields, channel, cancellationToken);
        if (Form.HasErrors || !check.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var newCase = await intake.StartAsync(check.Complaint!, organisation, channel!.Value, details, GiveReceipt, user!.Id, cancellationToken);
        if (boxItem is not null)
        {
            boxes.StageItem(boxItem, newCase.Case.Id);
        }

        await intake.CommitAsync(newCase, cancellationToken);
        Filed = newCase;
        return Page();
    }

    /// <summary>The box item the form records, when it names one: it must be the member's organisation's, found at that opening and not recorded yet, and the channel the box.</summary>
    private async Task<Monitoring.BoxItemTarget?> BoxItemAsync(FormFields fields, IntakeChannel? channel, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(fields["boxOpening"], out var openingId))
        {
            return null;
        }

        BoxItem = (openingId, int.TryParse(fields["boxItem"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0);
        var member = await monitoring.MemberAsync(User);
        var (target, problem) = member is null ? (null, null) : await boxes.CheckItemAsync(member, openingId, BoxItem.Value.Item, cancellationToken);
        if (target is null || channel != IntakeChannel.Box)
        {
            Form.AddError("channel", ProblemText.Describe(localizer, ProblemArea.Monitoring, problem?.Code ?? Domain.Monitoring.MonitoringProblemCode.Unknown));
        }

        return target;
    }

    private Task<ComplaintFormView> NewFormAsync(ComplaintForm values) =>
        ComplaintFormView.CreateAsync(db, profile, values, forPublic: false, options.Value);
}

/// <summary>How a complaint received another way arrived. Names of people are here, so it is stored encrypted.</summary>
public sealed record ChannelDetails(string? Reference = null, string? ReceivedAt = null, string? ReceivedBy = null, string? Witnesses = null, string? Notes = null)
{
    public static ChannelDetails Read(FormFields fields) =>
        new(fields["reference"], fields["receivedAt"], fields["receivedBy"], fields["witnesses"], fields["notes"]);

    /// <summary>One labelled line per detail given, in English labels so that every reader parses it alike.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        Line(text, "Reference", Reference);
        Line(text, "Received at", ReceivedAt);
        Line(text, "Received by", ReceivedBy);
        Line(text, "Witnesses", Witnesses);
        Line(text, "Notes", Notes);
        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}: {value.Trim()}\n");
        }
    }
}
