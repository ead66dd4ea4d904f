package cn.onething.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseTerms;
import cn.onething.casework.model.StepPlan;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;

/**
 * Step transitions a second, our casework engine against Flowable 7, on the same PostgreSQL server (a database each)
 * and at the same concurrency: cases of four steps, two departments in parallel and then two in series, each step
 * approved in its own committed transaction. Ours: {@code Casework.act} with {@code CaseFile.approve}, which stores
 * the case, its audit trail and its outbox rows at once. Flowable: bench/engine/four-steps.bpmn20.xml, see
 * {@link FlowableApprovals}. Filing the cases is timed apart from approving them. The two alternate, each warmed up
 * first (unreported). Run it with bench/engine/run.sh. A benchmark, not a test: it asserts nothing.
 */
public final class EngineBenchmark {

	private static final List<String> STEPS = List.of("hukou", "insurance", "card", "delivery");
	private static final CaseTerms TERMS = new CaseTerms("bench-four-steps", "两个并联、再两个串联的四个环节", 1, List.of(
			new StepPlan("hukou", "出生登记", "public-security", List.of("000707001000"), List.of()),
			new StepPlan("insurance", "医保参保", "medical-security", List.of("002040416000"), List.of()),
			new StepPlan("card", "社会保障卡申领", "human-resources", List.of("002013417000"), List.of("hukou", "insurance")),
			new StepPlan("delivery", "社会保障卡发放", "human-resources", List.of("002013417000"), List.of("card"))),
			15, true, Map.of("birth-certificate", "出生医学证明"), Set.of(), "451421", 10, 5);
	private static final Actor WINDOW = new Actor(Actor.Kind.WINDOW, "window-1", "窗口一");
	private static final Actor REVIEWER = new Actor(Actor.Kind.REVIEWER, "reviewer-1", "审核员");
	private static final Applicant APPLICANT = new Applicant("张三", "45142119900101123X", "13812345678");
	/** The service's R2DBC pool (application.yaml), given to Flowable's JDBC pool too. */
	private static final int POOL = 20;

	private record Run(int cases, double filedPerSecond, double transitionsPerSecond, long completed) {
	}

	public static void main(String[] args) throws Exception {
		run(args);
		// the service's and Flowable's threads would keep the JVM up
		System.exit(0);
	}

	/** The whole run without ending the JVM: {@code RivalBenchmarksStartTests} starts it with tiny sizes. */
	static void run(String... args) throws Exception {
		int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		BenchDatabase ours = BenchDatabase.create();
		BenchDatabase theirs = BenchDatabase.create();
		ConfigurableApplicationContext service = BenchService.start(ours, false, Map.of("onething.outbox.dispatch", "false"));
		Casework casework = service.getBean(Casework.class);
		try (FlowableApprovals flowable = new FlowableApprovals(theirs, POOL, Path.of("bench/engine/four-steps.bpmn20.xml"))) {
			System.out.printf("%,d cases of 4 steps, %d in flight; %d cores, Java %s; %s; %s%n", cases, concurrency,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), ours.commitSettings(),
					LocalDate.now());
			// warm-up, unreported: the JIT, both pools, Flowable's caches
			ours(casework, ours, cases / 2, concurrency);
			flowable(flowable, cases / 2, concurrency);
			System.out.println("| load | engine | cases | filed/s | transitions/s | cases completed |");
			for (int round = 0; round < 2; round++) {
				Run our = report("ours", () -> ours(casework, ours, cases, concurrency));
				Run their = report("Flowable 7", () -> flowable(flowable, cases, concurrency));
				System.out.printf("round %d: ours / Flowable = %.2f×%n", round + 1,
						our.transitionsPerSecond() / their.transitionsPerSecond());
			}
		}
		service.close();
	}

	private static Run ours(Casework casework, BenchDatabase database, int cases, int concurrency) {
		long completedBefore = database.count("select count(*) from casework_application where status = 'COMPLETED'");
		long begin = System.nanoTime();
		List<String> ids = Flux.range(0, cases)
				.flatMap(i -> casework.submit(TERMS, APPLICANT, Map.of("applicant.name", APPLICANT.name()), Map.of(), List.of(), WINDOW)
						.map(stored -> stored.file().id()), concurrency)
				.collectList().block();
		long filed = System.nanoTime();
		Flux.fromIterable(ids)
				.flatMap(id -> Flux.fromIterable(STEPS)
						.concatMap(step -> casework.act(id, REVIEWER, file -> context -> file.approve(step, null, context)))
						.then(), concurrency)
				.blockLast();
		long approved = System.nanoTime();
		return new Run(cases, perSecond(cases, filed - begin), perSecond(cases * STEPS.size(), approved - filed),
				database.count("select count(*) from casework_application where status = 'COMPLETED'") - completedBefore);
	}

	private static Run flowable(FlowableApprovals flowable, int cases, int concurrency) {
		long completedBefore = flowable.finishedProcesses();
		long begin = System.nanoTime();
		List<String> ids = flowable.file(cases, concurrency);
		long filed = System.nanoTime();
		flowable.approveAll(ids, concurrency);
		long approved = System.nanoTime();
		return new Run(cases, perSecond(cases, filed - begin), perSecond(cases * STEPS.size(), approved - filed),
				flowable.finishedProcesses() - completedBefore);
	}

	private static Run report(String engine, java.util.function.Supplier<Run> measurement) {
		String load = MachineLoad.now();
		Run run = measurement.get();
		System.out.printf("| %s→%s | %s | %,d | %.0f | %.0f | %,d |%n", load, MachineLoad.now(), engine, run.cases(),
				run.filedPerSecond(), run.transitionsPerSecond(), run.completed());
		return run;
	}

	private static double perSecond(int count, long nanos) {
		return count / (nanos / 1e9);
	}
}
