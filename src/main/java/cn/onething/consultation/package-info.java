/**
 * 办事咨询: a person leaves a question about a guide or a village committee with a phone number; the department or
 * the committee answers within {@code onething.consultation.answer-working-days} working days (the calendar
 * module's count, {@link cn.onething.consultation.AnswerLimit}); unanswered questions past it show as
 * overdue in the console, and an answer may be published as a FAQ of its subject once its answerer reviewed it.
 * <p>
 * Public API: {@link cn.onething.consultation.Subject}, {@link cn.onething.consultation.AnswerLimit}. {@code internal} (storage) and {@code web} (the question
 * page, the console) are private. Reads the catalogue (guides, departments) and the village module's committees to
 * name a subject; nobody depends on it.
 */
@ApplicationModule(displayName = "Consultation", allowedDependencies = { "shared", "catalog", "catalog :: model",
		"identity", "village", "calendar" })
package cn.onething.consultation;

import org.springframework.modulith.ApplicationModule;
