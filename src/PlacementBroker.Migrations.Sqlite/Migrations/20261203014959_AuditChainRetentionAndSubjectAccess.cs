using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainRetentionAndSubjectAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAt",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastSealedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerifiedThroughSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    BrokenAtEventId = table.Column<long>(type: "INTEGER", nullable: true),
                    BrokenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AuditChainHeads",
                columns: new[] { "Id", "BrokenAtEventId", "BrokenReason", "LastHash", "LastSealedAt", "LastSequence", "LockVersion", "VerifiedAt", "VerifiedThroughSequence" },
                values: new object[] { 1, null, null, null, null, 0L, new Guid("00000000-0000-0000-0000-000000000000"), null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_LocalAuthorityId_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "LocalAuthorityId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true,
                filter: "\"Sequence\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Unsealed",
                table: "AuditEvents",
                column: "Id",
                filter: "\"Hash\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHeads");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_LocalAuthorityId_OccurredAt",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Unsealed",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEvents");
        }
    }
}
