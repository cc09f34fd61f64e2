// Russian strings of the distribution: the Embed panel and the message shown when a part of
// the page (or a language) did not load.
export default {
  fixed:
    "Iframe фиксированного размера: работает в редакторах, удаляющих скрипты (Moodle, Canvas)",
  auto: "Iframe с автоматической высотой и скриптом, подгоняющим его под рисунок",
  copy: "Копировать",
  missing:
    "Часть страницы не загрузилась ({names}), поэтому рисунки не построить. Перезагрузите страницу; если ошибка повторится, эта копия actlab неполна.",
  language:
    "Язык «{name}» не загрузился, поэтому страница остаётся на этом языке. Перезагрузите страницу; если ошибка повторится, эта копия actlab неполна.",
};
