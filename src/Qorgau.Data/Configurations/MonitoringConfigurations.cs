using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Organisations;

namespace Qorgau.Data.Configurations;

internal sealed class MonitoringVisitConfiguration : IEntityTypeConfiguration<MonitoringVisit>
{
    public void Configure(EntityTypeBuilder<MonitoringVisit> builder)
    {
        builder.Property(v => v.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.Notice).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(v => v.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.OrganisationId, v.Status, v.PlannedFrom });
        builder.HasIndex(v => v.FacilityId);
        builder.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(v => v.CaseId);
    }
}

internal sealed class VisitTeamMemberConfiguration : IEntityTypeConfiguration<VisitTeamMember>
{
    public void Configure(EntityTypeBuilder<VisitTeamMember> builder)
    {
        builder.HasKey(m => new { m.VisitId, m.UserId });
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> builder)
    {
        builder.Property(a => a.Target).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(a => a.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.VisitId);
    }
}

internal sealed class RegisterCheckConfiguration : IEntityTypeConfiguration<RegisterCheck>
{
    public void Configure(EntityTypeBuilder<RegisterCheck> builder)
    {
        builder.Property(r => r.Register).HasConversion<string>().HasMaxLength(48);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.VisitId);
    }
}

internal sealed class VisitInterviewConfiguration : IEntityTypeConfiguration<VisitInterview>
{
    public void Configure(EntityTypeBuilder<VisitInterview> builder)
    {
        builder.Property(i => i.Setting).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(i => i.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.VisitId);
    }
}

internal sealed class VisitFindingConfiguration : IEntityTypeConfiguration<VisitFinding>
{
    public void Configure(EntityTypeBuilder<VisitFinding> builder)
    {
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(f => f.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.VisitId);
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Addressee).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.AgencyCode).HasMaxLength(64);
        builder.Property(r => r.Priority).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Facility>().WithMany().HasForeignKey(r => r.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(r => r.RepeatsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrganisationId, r.Status, r.DueOn });
        builder.HasIndex(r => r.VisitId);
        builder.HasIndex(r => r.FacilityId);
        builder.HasIndex(r => r.RepeatsId);
    }
}

internal sealed class RecommendationFollowUpConfiguration : IEntityTypeConfiguration<RecommendationFollowUp>
{
    public void Configure(EntityTypeBuilder<RecommendationFollowUp> builder)
    {
        builder.Property(f => f.From).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.To).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(f => f.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.RecommendationId);
    }
}

internal sealed class ConditionCheckConfiguration : IEntityTypeConfiguration<ConditionCheck>
{
    public void Configure(EntityTypeBuilder<ConditionCheck> builder)
    {
        builder.Property(c => c.Area).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Item).HasMaxLength(ConditionRules.MaxItemCode);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.VisitId);
    }
}
