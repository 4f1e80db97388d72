"""kg.relations.frames: the sentence frames that decide whether a trigger
verb's object is introduced by a named actor (rules/relations.toml
exhortation_words, collective_subjects, foreign_party, reporting_verbs,
meeting_after, host_words). Driven through kg.extract."""

from linked_text import introduced_pairs as introduced


def test_an_exhortation_urges_and_introduces_nothing():
    assert introduced("国家统计局强调，要深入实施乡村振兴战略，加快建立现代农业经营体系。") == set()
    assert introduced("会议指出，必须全面实行河湖长制，推行“一河一策”管理办法。") == set()


def test_a_word_holding_the_exhortation_character_is_no_exhortation():
    got = introduced("为落实重要部署，水利部印发《关于加强河湖管理的指导意见》。")
    assert ("水利部", "《关于加强河湖管理的指导意见》") in got


def test_a_collective_subject_does_it_not_the_body_named_before():
    assert introduced("国家卫生健康委强调，当前，各地区各部门正在深入开展医疗领域专项整治行动。") == set()


def test_a_place_after_a_locative_marker_is_where_not_a_collective_subject():
    got = introduced("国家税务总局在全国各地启动了“便民办税春风行动”。")
    assert got == {("国家税务总局", "“便民办税春风行动”")}


def test_another_partys_programme_is_not_the_speakers():
    assert introduced("外交部表示，中方支持塞方实施“面向未来发展战略”。") == set()


def test_a_programme_written_after_another_party_is_that_partys():
    got = introduced("外交部表示，中方将推进共建“丝路合作”倡议同土方“复兴发展之路”战略对接。")
    assert not any(tail == "“复兴发展之路”战略" for _, tail in got)


def test_a_speaker_only_speaks_of_what_follows_a_reporting_verb():
    assert introduced("李明指出，实施兴边富民行动、加快边境地区发展，事关民族团结。") == set()


def test_a_place_modifying_a_noun_is_not_the_subject():
    assert introduced("青岛的这家企业为客户打造的智慧物流服务平台完成结算。") == set()


def test_the_convened_meetings_body_passes_what_the_meeting_passes():
    got = introduced("中共中央总书记李明主持召开中央财经委员会第十次会议，审议通过了《关于推动某某产业发展的意见》。")
    assert got == {("中央财经委员会", "《关于推动某某产业发展的意见》")}


def test_the_next_paragraph_about_the_meeting_keeps_its_body():
    got = introduced("中共中央总书记李明主持召开中央财经委员会第十次会议。\n"
                     "会议审议通过了《关于推动某某产业发展的意见》。")
    assert got == {("中央财经委员会", "《关于推动某某产业发展的意见》")}


def test_a_clause_after_a_reporting_verb_is_speech_even_with_the_speaker_earlier():
    assert introduced("这是李明始终关心的问题。李明多次强调，全面实施乡村振兴战略的难度不亚于脱贫攻坚。") == set()


def test_a_verb_after_a_copula_describes_and_introduces_nothing():
    assert introduced("国家发展改革委表示，改善农村人居环境是实施乡村振兴战略的重点任务。") == set()
    assert introduced("国家林草局于是启动了“森林城市建设行动”。") == {("国家林业和草原局", "“森林城市建设行动”")}


def test_a_copula_closing_a_cause_or_a_list_item_still_states_an_act():
    got = introduced("国家林草局介绍，造林面积增长的原因是实行“林长负责制”，各地积极性提高。")
    assert got == {("国家林业和草原局", "“林长负责制”")}
    got = introduced("国家林草局推出三项举措：一是实行覆盖全省的“林长负责制”；二是加强监测。")
    assert got == {("国家林业和草原局", "“林长负责制”")}


def test_a_verb_running_into_an_object_verb_relays_what_another_issued():
    assert introduced("河北省委正着手研究部署落实中央《关于加强基层治理的意见》。") == set()


def test_a_body_whose_post_is_taken_is_not_the_paragraphs_actor():
    got = introduced("会议决定免去李明的水利部部长职务。会议表决通过了《关于修改某某管理办法的决定》。")
    assert not any(head == "水利部" for head, _ in got)


def test_a_member_who_suggests_a_plan_introduces_nothing():
    assert introduced("王强委员建议，研究制定“乡村医生培养计划”，健全基层医疗服务体系。") == set()


def test_bodies_that_are_an_earlier_verbs_objects_do_not_act_for_the_meeting():
    got = introduced("某某电视电话会议今天在北京召开。会议认真贯彻落实党中央、国务院决策部署，"
                     "研究部署“清洁取暖”专项行动。")
    assert got == set()


def test_a_verb_modifying_a_noun_takes_no_subject_from_before():
    got = introduced("工业和信息化部印发《某某平台备案管理办法》。《办法》规定，拟设立信息收集平台的组织应当备案。")
    assert not any(tail == "信息收集平台" for _, tail in got)


def test_a_reports_source_does_not_act():
    got = introduced("据美国有线电视新闻网报道，当地一些医院已经宣布启动“危机模式”。")
    assert got == set()


def test_covered_tells_the_characters_inside_a_sentences_mentions():
    """frames.Covered answers for nested and overlapping mentions what a
    scan of every mention would (an exhortation word inside a name is none)."""
    from types import SimpleNamespace as NS
    from kg.relations.frames import Covered
    spans = [(2, 9), (3, 5), (12, 14), (13, 20), (30, 31)]     # sorted by start, some nested
    covered = Covered([NS(mention=NS(start=a, end=b)) for a, b in spans])
    for p in range(0, 40):
        assert covered.at(p) == any(a <= p < b for a, b in spans), p
    assert not Covered([]).at(5)



def test_a_relative_clause_opening_its_clause_names_no_issuer():
    assert introduced("某某局局长李明介绍，去年出台的《某某市场登记管理条例》首次统一了登记制度。") == set()
    got = introduced("公安部今天召开新闻发布会，公布新制定的《某某违法行为记分管理办法》。")
    assert got == {("公安部", "《某某违法行为记分管理办法》")}
    got = introduced("科技部发布的《某某遥感监测年度报告》显示，湖泊水质较好。")
    assert got == {("科学技术部", "《某某遥感监测年度报告》")}


def test_a_verb_and_object_modifying_a_noun_is_no_act_of_the_earlier_subject():
    assert introduced("白皮书说，中国政府有信心，把实行“一区两制”制度的地区管理好。") == set()


def test_an_actor_inside_a_governing_frame_is_not_the_subject():
    assert introduced("在李明总书记的亲切关怀下，中小学“银龄讲学计划”等一系列政策相继推出。") == set()
    got = introduced("党的十八大以来，在以李明同志为核心的党中央坚强领导下，我国深入实施“科技强农”战略。")
    assert got == set()
    got = introduced("北京市网信办在中央网信办指导下印发《某某信息服务管理办法》。")
    assert got == {("北京市网信办", "《某某信息服务管理办法》")}


def test_a_leader_the_paragraph_is_about_issues_nothing_built_under_his_care():
    text = ("住有所居是群众的期盼，也是李明总书记的牵挂。在总书记的亲自推动下，党的十八大以来，"
            "我国将甲和乙进行整合，全面建立了住房公积金异地转移接续制度。")
    assert introduced(text) == set()


def test_signing_the_documents_of_a_quoted_initiative_introduces_nothing():
    assert introduced("五年来，某国已同30多个国家签署“数字丝路”合作文件。") == set()


def test_an_object_that_is_a_relative_clauses_subject_is_not_introduced():
    got = introduced("国务院总理李明主持召开国务院常务会议，部署推进实施“十四五”规划《纲要》确定的重大工程项目。")
    assert got == set()


def test_a_deployment_noun_is_no_trigger():
    got = introduced("会议传达学习了李明重要讲话和王强部署要求，讨论了《关于做好某某重点工作的意见（讨论稿）》。")
    assert got == set()


def test_a_clause_with_an_unnamed_subject_takes_no_actor_from_before():
    assert introduced("李明主席指出，要增强创新动力。我们深入实施“科技强农”战略，激发创新活力。") == set()
    assert introduced("某某特别行政区立法会选举顺利完成。中央公布实施《某某合作区建设总体方案》。") == set()
    got = introduced("水利部召开会议。会议决定，启动“河湖清四乱”专项行动。")
    assert got == {("水利部", "“河湖清四乱”专项行动")}


def test_joining_a_quoted_initiative_introduces_nothing_but_a_zone_built_together_is_introduced():
    assert introduced("某国新政府表示，愿更深度参与共建“海上驿站”，推动双边关系发展。") == set()
    got = introduced("绵阳市与德阳市共建“智慧物流”平台。")
    assert got and all(tail == "“智慧物流”平台" for _, tail in got)


def test_whoever_qualifies_does_it_not_the_bodies_that_allow_it():
    got = introduced("日前，科技部、财政部明确将科研经费使用权下放至科研单位，有条件的单位还可探索实行经费包干制改革。")
    assert got == set()


def test_the_place_an_event_was_held_in_is_no_actor_of_the_next_sentence():
    text = "第三届数字经济发展国际论坛日前在杭州举行，各国专家参加讨论。会上发布了《全球数字经济发展指数报告》。"
    assert introduced(text) == set()
