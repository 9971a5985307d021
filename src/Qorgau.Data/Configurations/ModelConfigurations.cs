using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Organisations;

namespace Qorgau.Data.Configurations;

internal sealed class InstallationConfiguration : IEntityTypeConfiguration<Installation>
{
    public void Configure(EntityTypeBuilder<Installation> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.ProfileCode).HasMaxLength(64);
        builder.Property(i => i.ReceiptSalt).HasMaxLength(16);
        builder.Property(i => i.SecretCheck).HasMaxLength(16);
        builder.Property(i => i.BackupPublicKey).HasMaxLength(32);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.ComplexProperty(o => o.Name, LocalizedNameConfiguration.Configure);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.AffiliationAgencyCode).HasMaxLength(64);
    }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(64);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.ComplexProperty(f => f.Name, LocalizedNameConfiguration.Configure);
        builder.Property(f => f.TypeCode).HasMaxLength(64);
        builder.Property(f => f.AgencyCode).HasMaxLength(64);
        builder.Property(f => f.RegionCode).HasMaxLength(16);
        builder.Property(f => f.Address).HasMaxLength(500);
        builder.HasIndex(f => new { f.RegionCode, f.TypeCode });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.SubjectType).HasMaxLength(64);
        builder.Property(a => a.SubjectId).HasMaxLength(128);
        builder.Property(a => a.Details).HasMaxLength(500);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(a => a.OccurredAtUtc);
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable("AuditCheckpoints");
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.HeadHash).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Signature).HasMaxLength(100);
        builder.HasIndex(c => c.EntryCount);
    }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.HasIndex(s => s.UserId);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationKeyHolderConfiguration : IEntityTypeConfiguration<OrganisationKeyHolder>
{
    public void Configure(EntityTypeBuilder<OrganisationKeyHolder> builder)
    {
        builder.HasKey(h => new { h.OrganisationId, h.UserId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(h => h.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseKeyGrantConfiguration : IEntityTypeConfiguration<CaseKeyGrant>
{
    public void Configure(EntityTypeBuilder<CaseKeyGrant> builder)
    {
        builder.Property(g => g.RecipientKind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(g => new { g.CaseId, g.RecipientKind, g.RecipientId }).IsUnique();
        builder.HasIndex(g => new { g.RecipientKind, g.RecipientId });
    }
}

internal static class LocalizedNameConfiguration
{
    public static void Configure(ComplexPropertyBuilder<LocalizedName> name)
    {
        name.Property(n => n.Kk).HasColumnName("NameKk").HasMaxLength(300);
        name.Property(n => n.Ru).HasColumnName("NameRu").HasMaxLength(300);
        name.Property(n => n.En).HasColumnName("NameEn").HasMaxLength(300);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.AffiliationAgencyCode).HasMaxLength(64);
        builder.Property(u => u.AdmittedRoles).HasMaxLength(300);
    }
}

internal sealed class ThrottleEventConfiguration : IEntityTypeConfiguration<ThrottleEvent>
{
    public void Configure(EntityTypeBuilder<ThrottleEvent> builder)
    {
        builder.Property(e => e.Key).HasMaxLength(64);
        builder.HasIndex(e => new { e.Key, e.AtUnixMs });
        builder.HasIndex(e => e.ExpiresAtUnixMs);
    }
}

internal sealed class SpentChallengeConfiguration : IEntityTypeConfiguration<SpentChallenge>
{
    public void Configure(EntityTypeBuilder<SpentChallenge> builder)
    {
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.HasIndex(c => c.ExpiresAtUnixMs);
    }
}

internal sealed class StatisticsStampConfiguration : IEntityTypeConfiguration<StatisticsStamp>
{
    public void Configure(EntityTypeBuilder<StatisticsStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new StatisticsStamp { Id = StatisticsStamp.RowId, Value = Guid.Empty });
    }
}

internal sealed class CaseFunnelStageConfiguration : IEntityTypeConfiguration<CaseFunnelStage>
{
    public void Configure(EntityTypeBuilder<CaseFunnelStage> builder)
    {
        builder.HasKey(s => new { s.CaseId, s.Stage });
        builder.Property(s => s.Stage).HasMaxLength(32);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.RegionCode).HasMaxLength(16);
        builder.Property(s => s.FacilityTypeCode).HasMaxLength(64);
        builder.Property(s => s.AccusedAgencyCode).HasMaxLength(64);
        builder.Property(s => s.VictimSex).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.VictimAgeBand).HasMaxLength(64);
        builder.Property(s => s.InvestigatingBody).HasMaxLength(64);
        builder.Property(s => s.ArticleAtRegistration).HasMaxLength(32);

        // The whole-country funnel reads the period's rows from this index alone (PostgreSQL; SQLite ignores included columns).
        builder.HasIndex(s => s.ReachedAtUtc)
            .IncludeProperties(s => new { s.Stage, s.MergedAtUtc, s.RegionCode, s.FacilityTypeCode, s.AccusedAgencyCode, s.VictimSex, s.VictimAgeBand, s.InvestigatingBody });
        builder.HasIndex(s => new { s.OrganisationId, s.ReachedAtUtc });
    }
}
