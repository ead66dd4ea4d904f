package cn.onething.bundle;

import java.util.List;

import cn.onething.catalog.model.Guide;
import org.junit.jupiter.api.Test;

import static cn.onething.bundle.BundleFixture.guide;
import static cn.onething.bundle.BundleFixture.material;
import static org.assertj.core.api.Assertions.assertThat;

class MergedMaterialsTests {

	final Guide hukou = guide("000707001000",
			material("birth-certificate", 1, 0, "纸质或电子", false, "尚未纳入电子证照库的提交。"),
			material("household-register", 1, 0, "纸质", true, null));
	final Guide insurance = guide("002040416000",
			material("birth-certificate", 0, 2, "纸质", true, null),
			material("guardian-id", 1, 0, "纸质或电子", false, "为未成年人参保的提交。"));
	final Guide vaccination = guide("002016430000",
			material("guardian-id", 1, 1, "电子", false, "首次建档的提交。"));

	final List<SharedMaterial> shared = List.of(
			new SharedMaterial("birth-certificate", "出生医学证明", List.of(
					new MaterialRef("000707001000", "birth-certificate"), new MaterialRef("002040416000", "birth-certificate"))),
			new SharedMaterial("guardian-id", null, List.of(
					new MaterialRef("002040416000", "guardian-id"), new MaterialRef("002016430000", "guardian-id"))));

	@Test
	void aDocumentSeveralItemsAskForIsAskedOnce() {
		List<MergedMaterial> merged = MergedMaterials.of(List.of(hukou, insurance, vaccination), shared, List.of());

		assertThat(merged).extracting(MergedMaterial::key)
				.containsExactly("birth-certificate", "000707001000/household-register", "guardian-id");
		assertThat(merged.get(0).items()).containsExactly(new MaterialRef("000707001000", "birth-certificate"),
				new MaterialRef("002040416000", "birth-certificate"));
	}

	@Test
	void requiredBeatsNeededOnlyInSomeSituations() {
		MergedMaterial birthCertificate = MergedMaterials.of(List.of(hukou, insurance, vaccination), shared, List.of()).get(0);

		assertThat(birthCertificate.required()).isTrue();
		assertThat(birthCertificate.requirementLabel()).isEqualTo("必要");
		assertThat(birthCertificate.condition()).isNull();
	}

	@Test
	void theLargerNumberOfOriginalsAndOfCopiesCounts() {
		MergedMaterial birthCertificate = MergedMaterials.of(List.of(hukou, insurance, vaccination), shared, List.of()).get(0);

		assertThat(birthCertificate.original()).isEqualTo(1);
		assertThat(birthCertificate.copies()).isEqualTo(2);
	}

	@Test
	void aDocumentNeededOnlyInSomeSituationsByEveryItemKeepsEachItemsCondition() {
		MergedMaterial guardianId = MergedMaterials.of(List.of(hukou, insurance, vaccination), shared, List.of()).get(2);

		assertThat(guardianId.required()).isFalse();
		assertThat(guardianId.condition()).isEqualTo("为未成年人参保的提交。\n首次建档的提交。");
	}

	@Test
	void theFormEveryItemAcceptsIsAskedAndPaperAndElectronicBothWhenNoneFitsAll() {
		List<MergedMaterial> merged = MergedMaterials.of(List.of(hukou, insurance, vaccination), shared, List.of());

		assertThat(merged.get(0).form()).isEqualTo("纸质");
		assertThat(merged.get(2).form()).isEqualTo("电子");
		Guide paperOnly = guide("000000000001", material("guardian-id", 1, 0, "纸质", true, null));
		SharedMaterial clash = new SharedMaterial("guardian-id", null, List.of(
				new MaterialRef("000000000001", "guardian-id"), new MaterialRef("002016430000", "guardian-id")));
		assertThat(MergedMaterials.of(List.of(paperOnly, vaccination), List.of(clash), List.of()).get(0).form()).isEqualTo("纸质和电子");
	}

	@Test
	void aSharedDocumentIsNamedAsTheEditorSaysOrAsTheFirstItemNamesIt() {
		List<MergedMaterial> merged = MergedMaterials.of(List.of(hukou, insurance, vaccination), shared, List.of());

		assertThat(merged.get(0).name()).isEqualTo("出生医学证明");
		assertThat(merged.get(2).name()).isEqualTo("材料guardian-id");
	}

	@Test
	void withoutSharedMaterialsEveryItemsMaterialStaysSeparate() {
		assertThat(MergedMaterials.of(List.of(hukou, insurance), List.of(), List.of())).extracting(MergedMaterial::key).containsExactly(
				"000707001000/birth-certificate", "000707001000/household-register", "002040416000/birth-certificate",
				"002040416000/guardian-id");
	}
}
