using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Cases.Preservation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary>
/// Invented cases for the demo, spread over the last three years and every stage, region and agency.
/// Each history goes through the same workflow rules as real work (<see cref="CaseWork.StageAsync"/>);
/// the content is a fixed invented sentence, encrypted like any other.
/// </summary>
internal sealed class DemoCases(QorgauDbContext db, JurisdictionProfile profile, CaseKeyring keyring, CaseWork work, CaseDeadlineTracker deadlines, CaseConversation conversation, VideoPreservation preservation, TimeProvider clock)
{
    /// <summary>The stages a demo case is taken to, in turn, so that every one appears.</summary>
    private static readonly string[][] Paths =
    [
        [],
        [CaseAction.Accept],
        [CaseAction.Reject],
        [CaseAction.Accept, CaseAction.Register],
        [CaseAction.Accept, CaseAction.Register, CaseAction.Requalify],
        [CaseAction.Accept, CaseAction.Register, CaseAction.Terminate],
        [CaseAction.Accept, CaseAction.Register, CaseAction.Requalify, CaseAction.Terminate],
        [CaseAction.Accept, CaseAction.Register, CaseAction.Indict],
        [CaseAction.Accept, CaseAction.Register, CaseAction.Indict, CaseAction.Verdict],
        [CaseAction.Accept, CaseAction.Register, CaseAction.Indict, CaseAction.Verdict, CaseAction.Appeal],
        [CaseAction.Accept, CaseAction.Register, CaseAction.Indict, CaseAction.Verdict, CaseAction.Finalise],
        [CaseAction.Merge],
        [CaseAction.Refer],
    ];

    public async Task<int> LoadAsync(int count, IReadOnlyDictionary<string, Guid> actors, CancellationToken cancellationToken = default)
    {
        var random = new Random(2026);
        var organisations = await db.Organisations.Where(o => o.PublicKey != null && o.TakesPublicComplaints).OrderBy(o => o.Code).ToListAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = new Dictionary<Guid, Case>();
        for (var i = 0; i < count; i++)
        {
            // Every agency in turn, at one of its places when the demo has any.
            var accused = profile.Agencies[i % profile.Agencies.Count].Code;
            var places = facilities.Where(f => f.AgencyCode == accused).ToList();
            var facility = places.Count == 0 ? null : places[random.Next(places.Count)];
            var organisation = Pick(organisations, accused, i);
            var receivedAt = now.AddDays(-random.Next(5, 1000)).AddMinutes(-random.Next(1440));
            var path = Paths[i % Paths.Length];
            var receiver = organisations.FirstOrDefault(o => o.Id != organisation.Id && ComplaintRouting.IsIndependentOf(profile.AgencyTree, o, accused));
            if (path is [CaseAction.Refer] && receiver is null)
            {
                path = [];
            }

            var (record, caseKey) = NewCase(organisation, facility, accused, receivedAt, i, random);
            record.ConsentToShare |= path is [CaseAction.Refer];
            if (path is [CaseAction.Merge] && !previous.TryGetValue(organisation.Id, out _))
            {
                path = [];
            }

            await PreserveVideoAsync(record, facility, receivedAt, now, random, cancellationToken);
            var at = receivedAt;
            foreach (var action in path)
            {
                at = at.AddDays(random.Next(1, 60));
                if (at > now)
                {
                    break;
                }

                var command = Command(action, at, random, previous.GetValueOrDefault(organisation.Id), receiver);
                var decision = await work.StageAsync(record, command, actors[organisation.Code], caseKey, at, cancellationToken);
                if (!decision.IsAllowed)
                {
                    throw new InvalidOperationException($"demo case {i}: {action} refused ({decision.Kind} {decision.Reason} {string.Join(",", decision.Problems.Select(p => p.Field + ":" + p.Code))})");
                }
            }

            if (i % 37 == 5 && CaseWorkflow.IsActive(record.Status))
            {
                conversation.RequestWithdrawal(record, caseKey, MessageAuthor.Complainant, null, reason: null);
            }

            if (CaseWorkflow.IsActive(record.Status))
            {
                previous[organisation.Id] = record;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return count;
    }

    /// <summary>Older demo requests have an outcome, recent ones wait for the letter or the answer: the overdue list stays short.</summary>
    private async Task PreserveVideoAsync(Case record, Facility? facility, DateTime receivedAt, DateTime now, Random random, CancellationToken cancellationToken)
    {
        if (preservation.RaiseFor(record, facility, actorId: null, receivedAt) is not { } request || (now - receivedAt).TotalDays < 3)
        {
            return;
        }

        var sentAt = receivedAt.AddDays(1);
        await preservation.RecordStepAsync(record, request, PreservationStatus.Sent, ProfileCalendar.DateOf(profile, sentAt), sentAt, null, cancellationToken);
        if ((now - receivedAt).TotalDays > 20)
        {
            var outcome = random.Next(4) switch { 0 => PreservationStatus.Refused, 1 => PreservationStatus.Overwritten, _ => PreservationStatus.Secured };
            var closedAt = sentAt.AddDays(random.Next(2, 15));
            await preservation.RecordStepAsync(record, request, outcome, ProfileCalendar.DateOf(profile, closedAt), closedAt, null, cancellationToken);
        }
    }

    /// <summary>Most complaints go to the default intake; some to the others that take complaints, never to one affiliated with the agency accused.</summary>
    private Organisation Pick(List<Organisation> organisations, string accused, int i)
    {
        var independent = organisations.Where(o => ComplaintRouting.IsIndependentOf(profile.AgencyTree, o, accused)).ToList();
        return i % 3 == 0 ? independent[i / 3 % independent.Count] : independent.FirstOrDefault(o => o.IsDefaultIntake) ?? independent[0];
    }

    private (Case Record, byte[] CaseKey) NewCase(Organisation organisation, Facility? facility, string accused, DateTime receivedAt, int i, Random random)
    {
        var id = Guid.NewGuid();
        var caseKey = keyring.NewCaseKey(id, organisation, [], complainantPublicKey: null);
        var receivedOn = ProfileCalendar.DateOf(profile, receivedAt);
        var incident = receivedOn.AddDays(-random.Next(0, 30));
        var record = new Case
        {
            Id = id,
            PublicId = PublicCaseId.New(),
            OrganisationId = organisation.Id,
            Channel = (IntakeChannel)(i % Enum.GetValues<IntakeChannel>().Length),
            ReceivedOn = receivedOn,
            ReceivedSequence = i + 1,
            IsUrgent = i % 9 == 0,
            IncidentFrom = incident,
            IncidentTo = incident,
            RegionCode = facility?.RegionCode ?? profile.Regions[i % profile.Regions.Count].Code,
            FacilityId = facility?.Id,
            FacilityTypeCode = facility?.TypeCode,
            AccusedAgencyCode = accused,
            IllTreatmentCode = profile.IllTreatmentTypes[i % profile.IllTreatmentTypes.Count].Code,
            MethodCodes = [profile.Methods[i % profile.Methods.Count].Code],
            VictimSex = i % 4 == 0 ? VictimSex.Female : VictimSex.Male,
            VictimAgeBand = profile.AgeBands[3 + (i % (profile.AgeBands.Count - 3))].Code,
            ConsentToShare = i % 2 == 0,
            ParticularsCipher = new CaseParticulars(receivedAt, (i % 3) switch { 0 => "kk", 1 => "ru", _ => "en" }, null, i % 2 == 0, false).Encrypt(caseKey, id),
            AccountCipher = Crypto.EncryptText(caseKey, $"Demo complaint {i + 1}: an invented account for trying Qorgau; it describes no real person or event.", CaseField.Context(id, CaseField.Account)),
        };
        db.Cases.Add(record);
        db.CaseEvents.Add(CaseEvents.Received(id, ProfileCalendar.StartOfDayUtc(profile, receivedOn), null, record.Channel));
        deadlines.OpenOnReceipt(record, organisation, victimStillHeld: i % 2 == 0);
        return (record, caseKey);
    }

    private static CaseCommand Command(string action, DateTime at, Random random, Case? mergeInto, Organisation? receiver)
    {
        var on = DateOnly.FromDateTime(at);
        return action switch
        {
            CaseAction.Reject => new CaseCommand { Action = action, On = on, Reason = OutOfScopeReason.All[random.Next(OutOfScopeReason.All.Count)] },
            CaseAction.Merge => new CaseCommand { Action = action, On = on, Into = mergeInto!.PublicId },
            CaseAction.Refer => new CaseCommand { Action = action, On = on, Organisation = receiver!.Code },
            CaseAction.Register => new CaseCommand { Action = action, On = on, Article = "146-2", InvestigatingBody = "prosecutor", RegisterNumber = $"DEMO-{on:yyMMdd}-{random.Next(10000, 99999)}" },
            CaseAction.Requalify => new CaseCommand { Action = action, On = on, Article = random.Next(2) == 0 ? "362" : "361", Reason = "Demo: intent to obtain a confession not established." },
            CaseAction.Terminate => new CaseCommand { Action = action, On = on, Reason = random.Next(2) == 0 ? "no-corpus-delicti" : "insufficient-evidence" },
            CaseAction.Indict => new CaseCommand { Action = action, On = on, Court = "Demo district court" },
            CaseAction.Verdict => new CaseCommand
            {
                Action = action,
                On = on,
                PleaAgreement = random.Next(5) == 0,
                Sentences = [random.Next(4) == 0
                    ? new SentenceCommand(null, "police", "Demo officer", "Lieutenant", VerdictOutcome.Acquittal, null, null, false, null, null)
                    : new SentenceCommand(null, "police", "Demo officer", "Captain", VerdictOutcome.Conviction, "146-2", random.Next(24, 96), false, null, 36)],
            },
            CaseAction.Appeal => new CaseCommand { Action = action, On = on, AppealBy = AppealBy.Defence },
            _ => new CaseCommand { Action = action, On = on },
        };
    }
}
