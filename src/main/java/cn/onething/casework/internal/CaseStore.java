package cn.onething.casework.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onething.casework.Applicant;
import cn.onething.casework.StoredCase;
import cn.onething.casework.Upload;
import cn.onething.casework.model.CaseEvent;
import cn.onething.casework.model.CaseFile;
import cn.onething.calendar.WorkingDayCalendar;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The casework_* tables. A case is saved with optimistic locking on {@code revision}: two reviewers deciding at the
 * same moment cannot overwrite each other; the loser retries on the fresh state.
 */
@Component
public class CaseStore {

	private final DatabaseClient db;
	private final JsonMapper json;

	CaseStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	public Mono<Void> insert(StoredCase stored, WorkingDayCalendar calendar) {
		CaseFile file = stored.file();
		return db.sql("""
				insert into casework_application (id, receipt_code, bundle_id, bundle_version, guide_versions, status,
				  received_on, accepted_on, due_on, applicant_name, applicant_id_number, applicant_phone, form, state, revision)
				values (:id, :receipt, :bundle, :bundleVersion, :guides, :status, :received, :accepted, :due,
				  :name, :idNumber, :phone, :form, :state, 1)
				""")
				.bind("id", UUID.fromString(file.id())).bind("receipt", file.receiptCode())
				.bind("bundle", file.terms().bundleId()).bind("bundleVersion", file.terms().bundleVersion())
				.bind("guides", toJson(stored.guideVersions())).bind("status", file.status().name())
				.bind("received", file.receivedOn())
				.bindNull("accepted", LocalDate.class).bindNull("due", LocalDate.class)
				.bind("name", stored.applicant().name()).bind("idNumber", stored.applicant().idNumber())
				.bind("phone", stored.applicant().phone()).bind("form", toJson(stored.form())).bind("state", toJson(file))
				.then()
				.then(Mono.defer(() -> update(file, 1, calendar)).then());
	}

	/** Saves a changed case; emits false when someone else changed it since {@code revision} was read. */
	public Mono<Boolean> update(CaseFile file, int revision, WorkingDayCalendar calendar) {
		LocalDate accepted = file.acceptance() == null ? null : file.acceptance().effectiveOn();
		LocalDate due = file.deadline().map(d -> d.dueDate(calendar)).orElse(null);
		var update = db.sql("""
				update casework_application set status = :status, accepted_on = :accepted, due_on = :due, state = :state,
				  revision = revision + 1, updated_at = now()
				where id = :id and revision = :revision
				""")
				.bind("id", UUID.fromString(file.id())).bind("revision", revision).bind("status", file.status().name())
				.bind("state", toJson(file));
		update = accepted == null ? update.bindNull("accepted", LocalDate.class) : update.bind("accepted", accepted);
		update = due == null ? update.bindNull("due", LocalDate.class) : update.bind("due", due);
		return update.fetch().rowsUpdated()
				.flatMap(rows -> rows == 0 ? Mono.just(false) : saveSteps(file).thenReturn(true));
	}

	private Mono<Void> saveSteps(CaseFile file) {
		UUID id = UUID.fromString(file.id());
		return db.sql("delete from casework_step where application_id = :id").bind("id", id).then()
				.thenMany(Flux.fromIterable(file.steps()).concatMap(step -> db.sql("""
						insert into casework_step (application_id, step_id, department_id, state)
						values (:id, :step, :department, :state)
						""").bind("id", id).bind("step", step.id()).bind("department", step.plan().departmentId())
						.bind("state", step.state().name()).then()))
				.then();
	}

	/** Appends the events to the case's trail and emits the sequence number the first of them got. */
	public Mono<Integer> appendEvents(String caseId, List<CaseEvent> events) {
		UUID id = UUID.fromString(caseId);
		return db.sql("select coalesce(max(seq), 0) as seq from casework_event where application_id = :id").bind("id", id)
				.map(row -> row.get("seq", Integer.class)).one()
				.flatMap(last -> Flux.range(0, events.size()).concatMap(i -> {
					CaseEvent event = events.get(i);
					return db.sql("""
							insert into casework_event (application_id, seq, kind, actor_kind, actor_id, actor_name, at, payload)
							values (:id, :seq, :kind, :actorKind, :actorId, :actorName, :at, :payload)
							""").bind("id", id).bind("seq", last + 1 + i).bind("kind", event.kind())
							.bind("actorKind", event.actor().kind().name()).bind("actorId", event.actor().id())
							.bind("actorName", event.actor().name()).bind("at", event.at()).bind("payload", toJson(event))
							.then();
				}).then(Mono.just(last + 1)));
	}

	public Mono<Void> saveMaterial(String caseId, Upload upload, String contentType, String uploadedBy) {
		return db.sql("""
				insert into casework_material (id, application_id, material_key, file_name, content_type, size_bytes, sha256, content, uploaded_by)
				values (:id, :case, :key, :name, :type, :size, :sha, :content, :by)
				""").bind("id", UUID.randomUUID()).bind("case", UUID.fromString(caseId)).bind("key", upload.materialKey())
				.bind("name", upload.fileName()).bind("type", contentType).bind("size", upload.content().length)
				.bind("sha", MaterialFiles.sha256(upload.content())).bind("content", upload.content()).bind("by", uploadedBy)
				.then();
	}

	public Mono<StoredCase> byReceiptCode(String receiptCode) {
		return db.sql("select * from casework_application where receipt_code = :code").bind("code", receiptCode)
				.map(this::stored).one();
	}

	public Mono<StoredCase> byId(String id) {
		return db.sql("select * from casework_application where id = :id").bind("id", UUID.fromString(id))
				.map(this::stored).one();
	}

	public Flux<String> openCaseIds() {
		return db.sql("select id from casework_application where status <> 'COMPLETED'")
				.map(row -> row.get("id", UUID.class).toString()).all();
	}

	/** Cases under review past their due date; a case waiting for the applicant's correction has its clock stopped. */
	public Mono<Long> countOverdue(LocalDate today) {
		return db.sql("select count(*) as n from casework_application where status = 'REVIEWING' and due_on < :today")
				.bind("today", today).map(row -> row.get("n", Long.class)).one();
	}

	public Mono<StoredCase> lockIfOpen(String id) {
		return db.sql("select * from casework_application where id = :id and status <> 'COMPLETED' for update skip locked")
				.bind("id", UUID.fromString(id)).map(this::stored).one();
	}

	/** A department's queue: cases with a step of that department in one of the given states, oldest first. */
	public Flux<StoredCase> queue(String departmentId, List<String> states) {
		return db.sql("""
				select a.* from casework_application a
				where exists (select 1 from casework_step s where s.application_id = a.id
				              and s.department_id = :department and s.state = any(:states))
				order by a.received_on, a.created_at
				""").bind("department", departmentId).bind("states", states.toArray(String[]::new))
				.map(this::stored).all();
	}

	/** Every case not completed yet, oldest first: what the window and supervisors keep an eye on. */
	public Flux<StoredCase> open() {
		return db.sql("select * from casework_application where status <> 'COMPLETED' order by received_on, created_at")
				.map(this::stored).all();
	}

	/** A stored material file without its content. */
	public record MaterialEntry(String id, String materialKey, String fileName, String contentType, int sizeBytes,
			java.time.OffsetDateTime uploadedAt, String uploadedBy) {
	}

	public Flux<MaterialEntry> materials(String caseId) {
		return db.sql("""
				select id, material_key, file_name, content_type, size_bytes, uploaded_at, uploaded_by
				from casework_material where application_id = :case order by uploaded_at, file_name
				""").bind("case", UUID.fromString(caseId))
				.map(row -> new MaterialEntry(row.get("id", UUID.class).toString(), row.get("material_key", String.class),
						row.get("file_name", String.class), row.get("content_type", String.class),
						row.get("size_bytes", Integer.class), row.get("uploaded_at", java.time.OffsetDateTime.class),
						row.get("uploaded_by", String.class)))
				.all();
	}

	public record MaterialContent(String fileName, String contentType, byte[] content) {
	}

	/** A material file of this case; empty when the id belongs to no material of it. */
	public Mono<MaterialContent> material(String caseId, String materialId) {
		return db.sql("select file_name, content_type, content from casework_material where id = :id and application_id = :case")
				.bind("id", UUID.fromString(materialId)).bind("case", UUID.fromString(caseId))
				.map(row -> new MaterialContent(row.get("file_name", String.class), row.get("content_type", String.class),
						row.get("content", byte[].class)))
				.one();
	}

	public record AuditEntry(int seq, String kind, String actorName, java.time.OffsetDateTime at, String payload) {
	}

	public Flux<AuditEntry> auditTrail(String caseId) {
		return db.sql("select seq, kind, actor_name, at, payload from casework_event where application_id = :id order by seq")
				.bind("id", UUID.fromString(caseId))
				.map(row -> new AuditEntry(row.get("seq", Integer.class), row.get("kind", String.class),
						row.get("actor_name", String.class), row.get("at", java.time.OffsetDateTime.class),
						row.get("payload", Json.class).asString()))
				.all();
	}

	private StoredCase stored(Readable row) {
		return new StoredCase(
				json.readValue(row.get("state", Json.class).asString(), CaseFile.class),
				new Applicant(row.get("applicant_name", String.class), row.get("applicant_id_number", String.class),
						row.get("applicant_phone", String.class)),
				json.readValue(row.get("form", Json.class).asString(), new TypeReference<Map<String, String>>() { }),
				json.readValue(row.get("guide_versions", Json.class).asString(), new TypeReference<Map<String, Integer>>() { }),
				row.get("revision", Integer.class));
	}

	private Json toJson(Object value) {
		return Json.of(json.writeValueAsString(value));
	}
}
