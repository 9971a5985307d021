using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>An entry as the browser sealed it: which form, its fields by their names on the visit page, the visit version seen, when it was typed.</summary>
public sealed record OfflineEntry(string Kind, Dictionary<string, string?> Fields, Guid? Version, string? TypedAt)
{
    public string? Field(string name) => Fields.GetValueOrDefault(name);
}

/// <summary>What became of an uploaded entry: applied, or refused with the problems and shown opened; and whether others recorded meanwhile.</summary>
public sealed record OfflineUpload(OfflineEntry Entry, IReadOnlyList<Problem> Problems, bool RecordedMeanwhile, Guid Version)
{
    public bool Applied => Problems.Count == 0;
}

/// <summary>
/// The offline visit form's server side (docs/decisions/0007): the visit's sealing key, made once and audited,
/// its private key under the visit key; and each uploaded entry opened and applied through the same
/// <see cref="MonitoringWork"/> and <see cref="VideoRoomWork"/> methods as the online forms, each with its
/// audit entry. An entry the visit no longer accepts is refused with its problems, never dropped.
/// </summary>
public sealed class OfflineVisitWork(QorgauDbContext db, MonitoringWork work, VideoRoomWork videoRooms, AuditLog audit, TimeProvider clock)
{
    public const string KeyField = "offline-key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The visit's sealing public key (SPKI), made now if the visit is under way and the member opens the visit key; null otherwise.</summary>
    public async Task<byte[]?> SealingKeyAsync(MonitoringMember member, MonitoringVisit visit, CancellationToken cancellationToken)
    {
        if (await StoredAsync(visit.Id, cancellationToken) is { } stored)
        {
            return stored.PublicKey;
        }

        if (visit.Status != VisitStatus.UnderWay || await work.KeyAsync(member, visit.Id, cancellationToken) is not { } visitKey)
        {
            return null;
        }

        var (privateKey, publicKey) = OfflineEntrySeal.NewKeyPair();
        var made = db.VisitOfflineKeys.Add(new VisitOfflineKey
        {
            VisitId = visit.Id,
            PublicKey = publicKey,
            PrivateKeyCipher = Crypto.Encrypt(visitKey, privateKey, Context(visit.Id)),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = member.User.Id,
        });
        CryptographicOperations.ZeroMemory(privateKey);
        try
        {
            await audit.WriteAsync(new AuditEvent("visit.offline-key", member.User.Id, visit.OrganisationId, "visit", visit.Id.ToString(), null), cancellationToken);
            return publicKey;
        }
        catch (DbUpdateException)
        {
            // Another member made it at the same moment: theirs is the visit's key. Only this key is let go;
            // whatever else the request has staged stays staged.
            made.State = EntityState.Detached;
            return (await StoredAsync(visit.Id, cancellationToken))?.PublicKey;
        }
    }

    /// <summary>Opens a sealed entry with the visit's sealing key; null when the member holds no copy of the visit key.</summary>
    /// <exception cref="CryptographicException">No sealing key, or the entry was not sealed to it for this visit, or was altered.</exception>
    /// <exception cref="JsonException">The opened entry is not an entry.</exception>
    public async Task<OfflineEntry?> OpenAsync(MonitoringMember member, MonitoringVisit visit, SealedEntry sealedEntry, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(visit.Id, cancellationToken) ?? throw new CryptographicException("The visit has no sealing key.");
        if (await work.KeyAsync(member, visit.Id, cancellationToken) is not { } visitKey)
        {
            return null;
        }

        var privateKey = Crypto.Decrypt(visitKey, stored.PrivateKeyCipher, Context(visit.Id));
        try
        {
            var entry = JsonSerializer.Deserialize<OfflineEntry>(OfflineEntrySeal.Open(privateKey, sealedEntry, visit.Id), Json);
            return entry is { Kind: not null, Fields: not null } ? entry : throw new JsonException("Not an entry.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>
    /// Applies an opened entry as its online form would. <paramref name="seen"/> is the version the browser last
    /// saw (its own previous upload's answer), else the entry's: a different stored version means others recorded.
    /// </summary>
    public async Task<OfflineUpload?> ApplyAsync(MonitoringMember member, MonitoringVisit visit, OfflineEntry entry, Guid? seen, CancellationToken cancellationToken)
    {
        var meanwhile = (seen ?? entry.Version) is { } known && known != visit.Version;
        Task<List<Problem>>? change = entry.Kind switch
        {
            "access" => work.AddAccessAsync(member, visit, new AccessForm
            {
                Target = entry.Field("Access.Target"),
                Description = entry.Field("Access.Description"),
                Outcome = entry.Field("Access.Outcome"),
                DelayMinutes = entry.Field("Access.DelayMinutes"),
                AnsweredBy = entry.Field("Access.AnsweredBy"),
                Ground = entry.Field("Access.Ground"),
            }, cancellationToken),
            "register" => work.CheckRegisterAsync(member, visit, new RegisterForm { Register = entry.Field("Register.Register"), State = entry.Field("Register.State"), Note = entry.Field("Register.Note") }, cancellationToken),
            "interview" => work.AddInterviewAsync(member, visit, new InterviewForm { Setting = entry.Field("Interview.Setting"), Persons = entry.Field("Interview.Persons"), Notes = entry.Field("Interview.Notes") }, cancellationToken),
            "finding" => work.AddFindingAsync(member, visit, new FindingForm { Text = entry.Field("Finding.Text") }, cancellationToken),
            "video-room" => videoRooms.CheckAsync(member, visit, new VideoRoomForm
            {
                Room = entry.Field("VideoRoom.Room"),
                Working = entry.Field("VideoRoom.Working"),
                RetentionDays = entry.Field("VideoRoom.RetentionDays"),
                RecordingsKept = entry.Field("VideoRoom.RecordingsKept"),
            }, cancellationToken),
            _ => null,
        };
        return change is null ? null : new OfflineUpload(entry, await change, meanwhile, visit.Version);
    }

    private Task<VisitOfflineKey?> StoredAsync(Guid visitId, CancellationToken cancellationToken) =>
        db.VisitOfflineKeys.AsNoTracking().FirstOrDefaultAsync(k => k.VisitId == visitId, cancellationToken);

    private static byte[] Context(Guid visitId) => Encoding.UTF8.GetBytes(VisitField.Context(visitId, KeyField, visitId));
}
