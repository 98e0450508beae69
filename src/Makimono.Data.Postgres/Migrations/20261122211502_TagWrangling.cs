using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Makimono.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TagWrangling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsUnwrangleable",
                table: "Tags",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "MetaTagLinks",
                columns: table => new
                {
                    MetaTagId = table.Column<int>(type: "integer", nullable: false),
                    SubTagId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetaTagLinks", x => new { x.SubTagId, x.MetaTagId });
                    table.ForeignKey(
                        name: "FK_MetaTagLinks_Tags_MetaTagId",
                        column: x => x.MetaTagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MetaTagLinks_Tags_SubTagId",
                        column: x => x.SubTagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TagParents",
                columns: table => new
                {
                    ParentId = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagParents", x => new { x.ParentId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_TagParents_Tags_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TagParents_Tags_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkFilterTags",
                columns: table => new
                {
                    WorkId = table.Column<int>(type: "integer", nullable: false),
                    TagId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkFilterTags", x => new { x.WorkId, x.TagId });
                    table.ForeignKey(
                        name: "FK_WorkFilterTags_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkFilterTags_Works_WorkId",
                        column: x => x.WorkId,
                        principalTable: "Works",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WranglerAssignments",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    FandomTagId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WranglerAssignments", x => new { x.UserId, x.FandomTagId });
                    table.ForeignKey(
                        name: "FK_WranglerAssignments_Tags_FandomTagId",
                        column: x => x.FandomTagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WranglerAssignments_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WranglingLog",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    TagId = table.Column<int>(type: "integer", nullable: false),
                    OtherTagId = table.Column<int>(type: "integer", nullable: true),
                    OldName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    OldMergerId = table.Column<int>(type: "integer", nullable: true),
                    WasCanonical = table.Column<bool>(type: "boolean", nullable: false),
                    WasUnwrangleable = table.Column<bool>(type: "boolean", nullable: false),
                    UndoesEntryId = table.Column<int>(type: "integer", nullable: true),
                    UndoneByEntryId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WranglingLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WranglingLog_Tags_OtherTagId",
                        column: x => x.OtherTagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WranglingLog_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WranglingLog_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 1,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 2,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 3,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 4,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 5,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 11,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 12,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 13,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 14,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 15,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 16,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 21,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 22,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 23,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 24,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 25,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.UpdateData(
                table: "Tags",
                keyColumn: "Id",
                keyValue: 26,
                column: "IsUnwrangleable",
                value: false);

            migrationBuilder.CreateIndex(
                name: "IX_MetaTagLinks_MetaTagId",
                table: "MetaTagLinks",
                column: "MetaTagId");

            migrationBuilder.CreateIndex(
                name: "IX_TagParents_ChildId",
                table: "TagParents",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkFilterTags_TagId",
                table: "WorkFilterTags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_WranglerAssignments_FandomTagId",
                table: "WranglerAssignments",
                column: "FandomTagId");

            migrationBuilder.CreateIndex(
                name: "IX_WranglingLog_At",
                table: "WranglingLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_WranglingLog_OtherTagId",
                table: "WranglingLog",
                column: "OtherTagId");

            migrationBuilder.CreateIndex(
                name: "IX_WranglingLog_TagId",
                table: "WranglingLog",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_WranglingLog_UserId",
                table: "WranglingLog",
                column: "UserId");

            // Works posted before wrangling existed filter on each of their tags, or its merger for a synonym;
            // there are no meta links yet, so that is the whole filter set.
            migrationBuilder.Sql("""
                INSERT INTO "WorkFilterTags" ("WorkId", "TagId")
                SELECT DISTINCT wt."WorkId", COALESCE(t."MergerId", t."Id")
                FROM "WorkTags" wt JOIN "Tags" t ON t."Id" = wt."TagId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MetaTagLinks");

            migrationBuilder.DropTable(
                name: "TagParents");

            migrationBuilder.DropTable(
                name: "WorkFilterTags");

            migrationBuilder.DropTable(
                name: "WranglerAssignments");

            migrationBuilder.DropTable(
                name: "WranglingLog");

            migrationBuilder.DropColumn(
                name: "IsUnwrangleable",
                table: "Tags");
        }
    }
}
