# Arabic messages (Modern Standard Arabic) in Fluent syntax (https://projectfluent.org/): the same
# identifiers and the same $variables as en.ftl, in the same order; a test checks.

## nav

nav-label = القائمة الرئيسية
nav-home = الصفحة الرئيسية
nav-organisations = الجهات
nav-users = المستخدمون
nav-audit = سجل التدقيق
nav-account = حسابي
nav-sign_out = تسجيل الخروج
nav-inbox = صندوق الوارد
nav-unread = غير مقروءة
nav-notifications = خطافات الويب
nav-api = API
nav-menu = القائمة
nav-skip = الانتقال إلى المحتوى

## footer

footer-tagline = Touchstone — معًا للتمييز بين السلع الأصلية والسلع المقلَّدة.

## error

error-picture_in_use = أحد مؤشرات دليل التحقق يعرض هذه الصورة: احذف ذلك المؤشر أولًا.
errorpage-title = حدث خطأ ما
errorpage-back_home = العودة إلى الصفحة الرئيسية
error-invalid_credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة. بعد محاولات فاشلة متكررة يُقفَل الحساب لبعض الوقت؛ أعد المحاولة بعد ذلك، أو راجع المسؤول لديك.
error-second_factor_locked = أُدخلت رموز خاطئة أكثر من اللازم: انتهت عملية تسجيل الدخول هذه وأُقفل الحساب لبعض الوقت؛ سجّل الدخول مجددًا لاحقًا، أو اطلب من أحد المسؤولين إعادة تعيينه.
error-csrf_failed = انتهت صلاحية هذا النموذج أو أنه لم يصدر عن Touchstone؛ يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.
error-invalid_form = النموذج غير مكتمل؛ يُرجى إعادة تحميل الصفحة وملؤه من جديد.
error-page_not_found = لا توجد صفحة على هذا العنوان.
error-internal = حدث خطأ من جهتنا. تم تسجيله؛ يرجى المحاولة مرة أخرى.
error-unauthenticated = سجّل الدخول، أو أرسل رمزًا صالحًا في ترويسة Authorization.
error-unknown_field = يذكر JSON حقلًا لا يقبله هذا الطلب؛ تحقق من أسماء الحقول في مرجع الواجهة البرمجية.
error-corrupt_file = الملف تالف أو غير مكتمل؛ احفظه أو صدّره من جديد ثم أرسله مرة أخرى.
error-duplicate_gtin = يظهر رقم GTIN هذا في أكثر من سطر في الملف؛ أبقِه لمنتج واحد فقط.
error-empty_file = الملف فارغ؛ اختر الملف مرة أخرى وأرسله من جديد.
error-gs1_prefix_taken = إحدى بادئات الشركات GS1 هذه مسجلة بالفعل لعلامة تجارية أخرى.
error-image_not_found = الصورة التي يذكرها هذا السطر ليست في مجلد الاستيراد؛ تحقق من اسمها ومسارها.
error-image_unreadable = لا يمكن قراءة الصورة التي يذكرها هذا السطر؛ احفظها من جديد بصيغة JPEG أو PNG أو WebP.
error-invalid_data_uri = الصورة معطاة بعنوان data: لا يمكن قراءته؛ أعطها بترميز base64 بعد ';base64,'.
error-invalid_domain = هذا ليس نطاق ويب؛ اكتبه بالشكل example.com.
error-invalid_flag = اكتب yes أو no (أو true أو false) في هذا العمود.
error-invalid_gs1_prefix = تتكون بادئة الشركة GS1 من 6 إلى 12 رقمًا؛ تحقق من البادئة.
error-invalid_gs1_value = هذه القيمة غير صالحة لمعرّف تطبيق GS1 الخاص بها؛ انسخها كما هي مطبوعة بعد المعرّف.
error-invalid_iban = هذا ليس رقم IBAN صالحًا؛ تحقق من رمز البلد والأرقام.
error-invalid_image_entry = اكتب كل صورة بالشكل label:file مفصولة بالرمز |، مثل genuine:pictures/tote.png.
error-invalid_image_label = تسمية الصورة هي genuine أو counterfeit أو packaging أو security_feature.
error-invalid_imo_number = هذا ليس رقم سفينة IMO؛ اكتب IMO وأرقامه السبعة.
error-invalid_json = هذا السطر ليس JSON صالحًا؛ تحقق من علامات الاقتباس والفواصل والأقواس.
error-invalid_row = لا يمكن استيراد هذا السطر؛ صحّح الحقل الذي يذكره التقرير.
error-malformed_row = لا يمكن قراءة هذا السطر؛ تحقق من علامات الاقتباس والفواصل.
error-not_your_brand = هذه العلامة التجارية تعود لمنظمة أخرى؛ استورد منتجات علاماتك التجارية فقط.
error-path_not_allowed = تأتي الصور هنا من مجلد الاستيراد نفسه؛ استخدم مسارًا داخله أو أرسل الصورة نفسها.
error-path_outside_import_dir = هذا المسار يقود إلى خارج مجلد الاستيراد؛ اذكر ملفًا داخله.
error-too_many_pixels = تحتوي هذه الصورة على عدد كبير جدًا من البكسلات لقراءتها؛ أرسل صورة عادية.
error-unreadable_line = لا يمكن قراءة هذا السطر كنص؛ احفظ الملف بترميز UTF-8.
error-wrong_column_count = يحتوي هذا السطر على خلايا أكثر أو أقل من سطر العناوين؛ تحقق من الفواصل.
error-forbidden = لا تسمح لك جهتك ودورك بهذا الإجراء.
error-not_found = هذا العنصر غير موجود، أو لا يحق لك الاطلاع عليه.
error-invalid_email = هذا ليس عنوان بريد إلكتروني؛ اكتبه على النحو name@example.org.
error-invalid_country = هذا ليس رمز بلد وفق المعيار ISO 3166-1 alpha-2؛ استخدم حرفين مثل FR أو DE أو US.
error-password_too_short = اختر كلمة مرور من 12 حرفًا على الأقل؛ وتفي بالغرض بضع كلمات لا رابط بينها.
error-password_too_common = كلمة المرور هذه من أكثر كلمات المرور استخدامًا؛ اختر كلمة أخرى.
error-invalid_second_factor = هذا الرمز غير صحيح؛ أدخل الرمز المكوّن من 6 أرقام الذي يعرضه تطبيق المصادقة الآن.
error-account_deactivated = تم تعطيل هذا الحساب؛ يُرجى مراجعة المسؤول في جهتك.
error-required = يُرجى ملء هذا الحقل.
error-role_not_allowed = لا يُنشئ حسابات مسؤولي المنصة إلا مسؤولو المنصة، وفي الجهة المشغِّلة فقط.
error-invalid_email_domain = هذا ليس نطاق بريد إلكتروني؛ اكتبه كما يرد بعد الرمز @، مثل douane.gouv.fr.
error-email_domain_taken = نطاق البريد الإلكتروني هذا تابع لجهة أخرى، أو لدى جهة أخرى حسابات عليه؛ يجب أن يتبع كل حساب على نطاق معتمد الجهةَ صاحبة ذلك النطاق.
error-email_outside_domains = لا يمكن إنشاء حسابات جهتك إلا على نطاقات البريد الإلكتروني المعتمدة لها؛ لاستخدام نطاق آخر، اطلب من مسؤول المنصة اعتماده.
error-email_domain_of_another_organisation = هذا العنوان على نطاق معتمد لجهة أخرى؛ وأي حساب عليه يتبع تلك الجهة.
error-unknown_organisation = اختر جهة يحق لك إضافة مستخدمين إليها.
error-version_conflict = عدّل شخص آخر هذا العنصر في هذه الأثناء؛ يُرجى إعادة تحميل الصفحة ومراجعة التغييرات ثم المحاولة مرة أخرى.
error-invalid_transition = هذه الخطوة غير ممكنة في الحالة الراهنة للملف؛ تعرض الأزرار في الصفحة الخطوات المسموح بها الآن.
error-answers_pending = يتطلب الإتلاف موافقة الأطراف أو انقضاء المهل الممنوحة لهم؛ ولم ترد جميع الإجابات بعد.
error-nothing_to_answer = لا يوجد سؤال مفتوح موجَّه إليك في هذا الملف.
error-already_answered = تمت الإجابة عن هذا السؤال في هذه الأثناء؛ يُرجى إعادة تحميل الملف.
error-not_awaiting_answers = لم يعد هذا الملف يقبل إجابات.
error-no_extension = التمديد غير ممكن: إما أنه استُخدم من قبل، أو أن المهلة انقضت، أو أن السلع سريعة التلف، أو أن النظام القانوني لا ينص عليه.
error-invalid_quantity = يجب أن تكون كل كمية عددًا موجبًا.
error-brand_required = حدِّد العلامة التجارية لكل بند: منتجًا أو علامة تجارية من الفهرس، أو العلامة التجارية كما هي مكتوبة على السلع.
error-idempotency_key_reused = سبق استخدام هذا النموذج لتسجيل ملف؛ راجع النموذج وأرسله مرة أخرى لتسجيل ملف جديد.
error-thread_required = يذكر هذا الملف عدة أصحاب حقوق؛ اختر صاحب الحق الذي تريد الكتابة في محادثته.
error-nothing_to_match = حدِّد علامة تجارية أو منتجًا أو طرفًا مشتبهًا به أو حاوية أو مستند نقل أو رمز HS واحدًا على الأقل، حتى تتسنى مطابقة الملفات.
error-answer_required = اختر إجابة.
error-invalid_container_number = رقم الحاوية هذا غير صالح: 4 أحرف و6 أرقام ورقم التحقق وفق ISO 6346، مثل MSKU 907032-3.
error-invalid_air_waybill = رقم بوليصة الشحن الجوي هذا غير صالح: 11 رقمًا مع رقم التحقق، مثل 020-12345675.
error-invalid_date = اكتب التاريخ بالصيغة YYYY-MM-DD.
error-invalid_period = يجب أن ينتهي التنبيه في يوم بدئه أو بعده.
error-webhook_address_not_public = هذا العنوان على شبكة محلية أو خاصة؛ أدخل عنوان نظامك المستقبِل على الإنترنت.
error-invalid_time_zone = هذه ليست منطقة زمنية؛ اختر منطقة من القائمة، مثل Europe/Paris.
error-office_too_long = يتكوّن رمز المكتب من { $code_max } حرفًا على الأكثر، واسم المكتب من { $name_max } حرفًا على الأكثر.
error-invalid_language = اختر إحدى اللغات التي تعرضها القائمة.
error-already_acknowledged = سبق تأكيد الاطلاع على هذا التطابق.
error-answer_not_allowed = لا يحق لهذا الطرف تقديم تلك الإجابة؛ اختر إحدى الإجابات التي تعرضها صفحة الملف.
error-brand_not_published = انشر العلامة التجارية أولًا: يصل الموظفون إلى المنتجات عن طريق علامتها التجارية.
error-case_not_editable = لم يعد من الممكن تعديل هذا الملف في حالته الراهنة.
error-case_type_fixed = لا يمكن تغيير نوع الملف بعد حجز السلع.
error-contact_unreachable = أدخل رقم هاتف أو عنوان بريد إلكتروني لنقطة الاتصال: فعن طريقهما تتواصل معها الجهة الأخرى.
error-contradictory_markets = لا يمكن أن يكون البلد في آنٍ واحد سوقًا لا يُباع المنتج إلا فيها وسوقًا لا يُباع فيها أبدًا.
error-email_taken = يوجد بالفعل مستخدم بعنوان البريد الإلكتروني { $email }.
error-empty_body = أرسل الملف المراد استيراده بوصفه متن الطلب.
error-file_too_large = حجم هذا الملف أكبر مما يقبله الخادم؛ أرسل ملفًا أصغر.
error-grant_revoked = أُلغي إذن الوصول هذا؛ امنح إذنًا جديدًا بدلًا منه.
error-gtin_taken = أحد أرقام GTIN هذه تابع بالفعل لمنتج آخر.
error-invalid_action = اختر خطوة يسمح بها الملف.
error-invalid_attachment = لا ترفق إلا ملفات مرفوعة إلى Touchstone (20 ملفًا على الأكثر).
error-invalid_bill_of_lading = هذا ليس رقم سند شحن؛ اكتبه كما هو مطبوع، بحروفه وأرقامه.
error-invalid_body = الطلب ليس بالبنية المتوقعة؛ راجعه في ضوء مرجع API.
error-invalid_characters = احذف أحرف التحكم (علامات الجدولة وفواصل الأسطر).
error-invalid_company = أدخل اسم الشركة.
error-invalid_count = أرسل من 1 إلى 5,000 هدف في المرة الواحدة.
error-invalid_currency = أدخل العملة برمز ISO 4217، مثل EUR أو USD.
error-invalid_event_kind = اختر نوع الإجراء المخطط له.
error-invalid_expiry = هذا ليس تاريخ انتهاء صلاحية؛ اكتبه بالصيغة YYMMDD أو YYYY-MM-DD.
error-invalid_gtin = هذا ليس رقم GTIN: يتكون رقم GTIN من 8 أو 12 أو 13 أو 14 رقمًا مع رقم تحقق صحيح.
error-invalid_hs_code = هذا ليس فصلًا من نظام HS (رقمان) ولا بندًا (4 أرقام) ولا بندًا فرعيًا (6 أرقام).
error-invalid_idempotency_key = يجب ألا تحتوي الترويسة Idempotency-Key إلا على أحرف ASCII مرئية.
error-invalid_key = هذا المفتاح غير صالح للاستخدام؛ استخدم من 1 إلى 80 حرفًا من الأحرف اللاتينية الصغيرة أو الأرقام أو «-» أو «_» أو «.».
error-invalid_label = اختر أحد التصنيفات التي يعرضها النموذج.
error-invalid_latitude = يجب أن يكون خط العرض بين ‎-90 و90.
error-invalid_longitude = يجب أن يكون خط الطول بين ‎-180 و180.
error-invalid_media_reference = أشِر إلى الملف المخزَّن ببصمته الرقمية (hash) المكوّنة من 64 حرفًا.
error-invalid_mode = اختر إحدى الوسائل التي يعرضها النموذج.
error-invalid_nice_class = صنف نيس { $class } غير موجود؛ تتراوح الأصناف من 1 إلى 45.
error-invalid_number = هذا ليس عددًا.
error-invalid_organisation_kind = اختر أحد أنواع الجهات التي يعرضها النموذج.
error-invalid_outcome = اذكر ما إذا كنت ستمضي قدمًا أو تتراجع أو تعمل بالتعاون مع الجهة الأخرى.
error-invalid_path = العنوان غير صالح؛ تحقّق منه وأعد المحاولة.
error-invalid_phone = هذا ليس رقم هاتف؛ اكتبه مع رمز البلد، مثل ‎+33 1 23 45 67 89.
error-invalid_photo = لا ترفق إلا صورًا مرفوعة إلى Touchstone (50 صورة على الأكثر).
error-invalid_plate = هذا ليس رقم لوحة مركبة.
error-invalid_price = يجب أن تكون الأسعار أعدادًا موجبة.
error-invalid_procedure = اختر الاستيراد أو التصدير أو العبور.
error-invalid_query = معاملات الاستعلام في العنوان غير صالحة؛ راجعها في ضوء مرجع API.
error-invalid_radius = يجب أن يكون نصف القطر بين 1 و10,000 متر؛ لتغطية منطقة أوسع، استخدم عدة إجراءات.
error-invalid_reference = هذا ليس مرجعًا يعرفه Touchstone؛ تحقّق من طريقة كتابته.
error-invalid_role = اختر أحد الأدوار التي يعرضها النموذج.
error-invalid_sector = اختر أحد القطاعات التي يعرضها النموذج.
error-invalid_side = حدِّد ما إذا كانت هذه الدلالة تخص منتجًا أصليًا أم منتجًا مقلَّدًا.
error-invalid_state = اختر إحدى حالات الملف التي تعرضها القائمة.
error-invalid_status = اختر إحدى الحالات المعروضة.
error-invalid_target_kind = اختر نوع هذا المعرِّف.
error-invalid_text = هذا النص طويل جدًا أو يحتوي على أحرف ليست نصًا؛ اختصره.
error-invalid_time = هذا ليس تاريخًا ووقتًا؛ اكتبه بالصيغة 2026-12-01T06:00:00Z، أو استخدم حقل التاريخ.
error-invalid_token_lifetime = تتراوح مدة صلاحية الرمز من 1 إلى 365 يومًا.
error-invalid_transport_mode = اختر وسيلة نقل.
error-invalid_value = يجب أن تكون القيمة المصرَّح بها صفرًا أو أكثر.
error-invalid_verification_url = هذا ليس عنوانًا يمكن الوصول فيه إلى خدمة تحقق: استخدم عنوانًا عامًا يبدأ بـ https://‎ فيه اسم مضيف ومن دون بيانات اعتماد.
error-invalid_webhook_url = هذا ليس عنوانًا يمكن إرسال خطافات الويب إليه: استخدم عنوانًا عامًا يبدأ بـ https://‎.
error-invalid_weight = يتراوح وزن المؤشر من 1 (قرينة) إلى 5 (حاسم).
error-invalid_window = ينتهي الإجراء المخطط له بعد بدئه، ولا تتجاوز مدته 30 يومًا.
error-key_taken = المفتاح «{ $key }» مستخدم بالفعل؛ اختر مفتاحًا آخر.
error-line_too_long = السطر { $line } طويل جدًا؛ ضع رقمًا تسلسليًا واحدًا في كل سطر.
error-malformed_csv = تتعذّر قراءة السطر الأول من ملف CSV، وهو السطر الذي يحدد أسماء الأعمدة.
error-malformed_json = الطلب ليس بصيغة JSON صالحة.
error-method_not_allowed = لا تقبل نقطة النهاية هذه تلك الطريقة؛ راجع ‎/api/v1/openapi.json.
error-missing_column = يفتقر ملف CSV إلى العمود «{ $column }».
error-missing_columns = يفتقر ملف CSV إلى أعمدة لازمة؛ يحدد سطره الأول أسماء الأعمدة.
error-no_enrolment = ابدأ أولًا تسجيل العامل الثاني.
error-no_small_consignment_procedure = لا ينص النظام القانوني لهذا المكتب على إجراء للإرساليات الصغيرة؛ سجّل ملفًا عاديًا.
error-no_such_endpoint = لا توجد نقطة نهاية كهذه؛ راجع ‎/api/v1/openapi.json.
error-not_a_representative = لا يمكن تفويض العلامات التجارية إلا إلى جهات ممثِّلة.
error-not_a_rights_holder = تعود العلامات التجارية إلى جهات من أصحاب الحقوق.
error-not_an_agency = تُشارَك الملفات مع جهة إنفاذ أخرى (الشرطة أو سلطة إنفاذ أخرى).
error-not_customs = إدارة الجمارك هي التي تمنح الوصول.
error-office_country_fixed = يحدد بلد المكتب النظام القانوني ولا يمكن تغييره؛ سجّل ملفًا جديدًا.
error-organisation_exists = توجد بالفعل جهة باسم «{ $name }»؛ اختر اسمًا آخر.
error-out_of_range = هذا العدد خارج النطاق المسموح به هنا.
error-outcome_required = اختر القرار: الإتلاف أو الإجراءات القضائية أو الإفراج.
error-owner_only = لا يختار من يطّلع على أقسامه السرية إلا صاحب الحق نفسه.
error-password_too_long = اختر كلمة مرور يقل حجمها عن 1,024 بايت.
error-payload_too_large = حجم الطلب أكبر مما يقبله هذا الخادم؛ أرسل بيانات أقل في المرة الواحدة.
error-period_too_long = لا تتجاوز مدة سريان التنبيه ثلاث سنوات؛ انشر تنبيهًا جديدًا بعد ذلك.
error-processing_timeout = استغرقت قراءة هذه الصورة وقتًا طويلًا جدًا؛ أرسل صورة أصغر للرمز الشريطي.
error-rate_limited = طلبات كثيرة جدًا؛ انتظر قليلًا ثم أعد المحاولة.
error-request_closed = هذا الطلب مغلق أو صادر عن جهة أخرى.
error-serial_or_batch = أدخل إما رقمًا تسلسليًا واحدًا أو دفعة واحدة تتغير حالتها.
error-too_large = هذا كبير جدًا؛ أرسل شيئًا أصغر.
error-too_long = هذا طويل جدًا؛ اختصره.
error-too_many = هذه القائمة طويلة جدًا؛ احذف بعض العناصر.
error-too_many_sign_in_attempts = محاولات تسجيل دخول كثيرة جدًا من عنوانك؛ انتظر { $seconds } ثانية ثم أعد المحاولة.
error-unknown_batch = لا يوجد أي رقم تسلسلي من هذه الدفعة مسجَّل لهذا المنتج.
error-unknown_brand = لا توجد علامة تجارية منشورة بهذا الرقم.
error-unknown_column = يحتوي ملف CSV على عمود لا يعرفه Touchstone: «{ $column }».
error-unknown_entry = لم يعد هذا العنصر موجودًا في المسودة؛ أعد تحميل الصفحة.
error-unknown_hs_code = هذا الفصل من نظام HS غير موجود؛ تتراوح الفصول من 01 إلى 97 (والفصل 77 محفوظ للاستخدام المستقبلي).
error-unknown_indicator = لم يعد هذا المؤشر موجودًا في الدليل؛ أعد تحميل الصفحة.
error-unknown_media = لم تعد هذه الصورة موجودة في المعرض؛ أعد تحميل الصفحة.
error-unknown_product = هذا ليس رقم منتج.
error-unknown_serial = لا يوجد رقم تسلسلي كهذا مسجَّل لهذا المنتج.
error-unknown_thread = لا توجد في هذا الملف محادثة مع تلك الجهة: فهو لا يذكر أيًّا من علاماتها التجارية.
error-unreadable = تعذّرت قراءة الملف حتى نهايته؛ أرسله مرة أخرى.
error-unsupported_media_type = أرسل محتوى من نوع text/csv أو application/x-ndjson، أو حدِّد ‎?format=csv أو ‎?format=jsonl.
error-unsupported_type = هذا النوع من الملفات غير مقبول هنا؛ يبيّن النموذج الأنواع المقبولة.

## signin

signin-title = تسجيل الدخول
signin-intro = Touchstone مخصص لموظفي إنفاذ القانون ولأصحاب الحقوق. سجّل الدخول بالحساب الذي منحتك إياه جهتك.
signin-email = البريد الإلكتروني
signin-password = كلمة المرور
signin-submit = تسجيل الدخول

## second_factor

second_factor-title = العامل الثاني للمصادقة
second_factor-intro = أدخل الرمز المكوّن من 6 أرقام الذي يعرضه تطبيق المصادقة لحساب Touchstone.
second_factor-code = الرمز
second_factor-submit = تحقّق

## home

home-title = الصفحة الرئيسية
home-welcome = مرحبًا، { $name }
home-organisation = الجهة
home-role = الدور
home-next = ماذا تريد أن تفعل؟
home-manage_account = إدارة حسابي ولغتي ورموز API
home-manage_users = إدارة مستخدمي جهتي
home-read_audit = الاطلاع على سجل التدقيق
home-api = الاطلاع على مرجع API

## account

account-title = حسابي
account-must_enrol = تشترط جهتك استخدام عامل ثانٍ للمصادقة: يُرجى إعداده أدناه قبل المتابعة.
account-language = اللغة
account-save = حفظ
account-password = كلمة المرور
account-current_password = كلمة المرور الحالية
account-new_password = كلمة المرور الجديدة
account-password_rules = 12 حرفًا على الأقل، وألّا تكون من كلمات المرور الشائعة.
account-change_password = تغيير كلمة المرور
account-second_factor = العامل الثاني (تطبيق المصادقة)
account-enrol_instructions = أضف هذا المفتاح إلى تطبيق المصادقة (أو استورد الرابط أدناه)، ثم أدخل الرمز الذي يعرضه.
account-confirm_second_factor = تفعيل العامل الثاني
account-second_factor_on = العامل الثاني مفعَّل لحسابك.
account-second_factor_off = لم يُعدّ أي عامل ثانٍ.
account-start_second_factor = إعداد تطبيق مصادقة جديد
account-tokens = رموز API
account-token_created = رمزك الجديد أدناه. انسخه الآن: لن يُعرض مرة أخرى.
account-token_name = اسم الرمز
account-token_days = مدة الصلاحية (بالأيام)
account-create_token = إنشاء رمز
account-token_prefix = يبدأ بـ
account-token_expires = تنتهي صلاحيته في
account-revoke = إلغاء
account-inactive = ملغى أو منتهي الصلاحية
account-office = مكتبي الجمركي
account-office_hint = يبدأ نموذج الحجز بهذا المكتب. اتركه فارغًا إذا كنت تعمل في عدة مكاتب.
account-save_office = حفظ مكتبي

## account.done

account-done-password = تم تغيير كلمة المرور، وأُنهيت جلساتك الأخرى (رموز API الخاصة بك مدرجة أدناه: ألغِ أي رمز لم تعد تثق به).
account-done-language = تم حفظ لغتك.
account-done-office = تم حفظ مكتبك.
account-done-token_revoked = تم إلغاء الرمز.
account-done-second_factor = العامل الثاني مفعَّل الآن.
account-time_zone = المنطقة الزمنية
account-time_zone_default = المنطقة الزمنية لبلدي ({ $zone })

## orgs

orgs-title = الجهات
orgs-name = الاسم
orgs-kind = النوع
orgs-country = البلد
orgs-create = إنشاء جهة
orgs-country_help = حرفان وفق ISO 3166-1 (FR، DE، US…).
orgs-email_domains = نطاقات البريد الإلكتروني
orgs-set_email_domains = تعيين
orgs-email_domains_help = نطاقات العناوين الخاصة بالجهة، مفصولة بفواصل (douane.gouv.fr). لا ينشئ مسؤولوها حسابات إلا على هذه النطاقات.

## users

users-title = المستخدمون
users-issued = كلمة المرور الأولية لـ { $email }. سلِّمها إلى صاحبها عبر قناة منفصلة؛ فهي لا تُعرض إلا مرة واحدة:
users-email = البريد الإلكتروني
users-name = الاسم
users-organisation = الجهة
users-role = الدور
users-status = الحالة
users-deactivated = معطَّل
users-locked = مقفَل
users-active = نشط
users-deactivate = تعطيل
users-reactivate = إعادة التفعيل
users-reset = إعادة تعيين كلمة المرور والعامل الثاني
users-reset_ended = مُسح العامل الثاني لهذا المستخدم، وأُنهيت جميع جلساته، وأُلغيت جميع رموز API الخاصة به: تحتاج عمليات التكامل التي تستخدم أحد هذه الرموز إلى رمز جديد.
users-create = إنشاء مستخدم

## audit

audit-title = سجل التدقيق
audit-intro = كل عملية تسجيل دخول وكل تغيير وكل اطلاع على بيانات حساسة، الأحدث أولًا. كل سجل مرتبط بالسجل الذي يسبقه، بحيث يمكن كشف أي تعديل.
audit-when = الوقت
audit-who = المستخدم
audit-action = الإجراء
audit-target = العنصر المعني
audit-detail = التفاصيل
audit-older = سجلات أقدم

## api

api-title = مرجع API
api-intro = الوصف المقروء آليًا (OpenAPI 3.1) متاح على العنوان
api-auth = للمصادقة، استخدم رمز حامل (bearer token) من صفحة «حسابي»: Authorization: Bearer ts_…
api-method = الطريقة
api-path = المسار
api-summary = الوظيفة
api-reference_in_english = الملخصات أدناه مأخوذة من وثيقة OpenAPI المكتوبة باللغة الإنجليزية.

## role

role-officer = موظف
role-analyst = محلل
role-coordinator = منسِّق
role-org_admin = مسؤول الجهة
role-platform_admin = مسؤول المنصة

## kind

kind-customs = إدارة الجمارك
kind-police = الشرطة
kind-other_enforcement = سلطة إنفاذ أخرى
kind-rights_holder = صاحب الحق
kind-representative = ممثل
kind-operator = مشغِّل المنصة

## language

language-en = الإنجليزية
language-fr = الفرنسية
language-es = الإسبانية
language-ar = العربية

## catalog

catalog-nav = الفهرس
catalog-home_card = البحث عن العلامات التجارية ومنتجاتها الأصلية
catalog-title = الفهرس
catalog-intro_enforcement = علامات تجارية ينشر أصحابها أوصاف منتجاتهم الأصلية. افتح علامة تجارية ثم منتجًا لمقارنته بما تفحصه.
catalog-intro_own = العلامات التجارية التي تديرها. لا يرى الموظفون إلا ما تنشره.
catalog-search = بحث
catalog-search_label = اسم العلامة التجارية
catalog-search_hint = جزء من الاسم؛ لا أهمية لعلامات التشكيل والنبر ولا لحالة الأحرف.
catalog-sector = القطاع
catalog-sector_title = قطاع { $sector }
catalog-sector_size = بطاقات المنتجات المنشورة في هذا القطاع: { $cards } (العلامات التجارية: { $brands }).
catalog-sector_too_many = يضم هذا القطاع بطاقات أكثر مما يستطيع الهاتف حفظه: احفظ علاماته التجارية واحدة تلو الأخرى من صفحاتها.
catalog-sector_brands_link = العلامات التجارية في هذا القطاع
catalog-sector_cards_link = كل بطاقات هذا القطاع، لحفظها على هذا الهاتف
catalog-all_sectors = جميع القطاعات
catalog-clear = مسح البحث
catalog-no_match = لا توجد علامة تجارية تطابق بحثك.
catalog-empty = لا توجد علامات تجارية لعرضها بعد.
catalog-product_count = المنتجات: { $count }
catalog-draft = مسودة
catalog-published = منشور
catalog-unpublished_changes = تغييرات غير منشورة
catalog-pages = الصفحات
catalog-previous = الصفحة السابقة
catalog-next = الصفحة التالية
catalog-page = الصفحة { $page }
catalog-all_brands = جميع العلامات التجارية
catalog-aliases = تُكتب أيضًا
catalog-trademarks = تسجيلات العلامة التجارية
catalog-tm_office = مكتب التسجيل
catalog-tm_number = الرقم
catalog-tm_classes = أصناف نيس
catalog-tm_expires = تاريخ الانتهاء
catalog-no_trademarks = لم يُدرج هنا أي تسجيل للعلامة التجارية بعد.
catalog-contacts = جهات الاتصال
catalog-reach_title = بمن تتصل
catalog-call = اتصال
catalog-write = بريد إلكتروني
catalog-all_contacts = كل جهات الاتصال
catalog-your_photo = صورتك
catalog-your_photo_alt = الصورة التي التقطتها في صفحة التعرّف
catalog-your_photo_dismiss = إخفاء صورتي
catalog-contacts_intro = اتصل بهؤلاء الأشخاص أو راسلهم لتأكيد أي اشتباه؛ تأتي جهة الاتصال الخاصة ببلدك أولًا.
catalog-everywhere = جميع البلدان
catalog-contact_for = البلد المعني
catalog-languages = اللغات
catalog-hours = ساعات العمل
catalog-phone = الهاتف
catalog-email = البريد الإلكتروني
catalog-no_contacts = لم تُحدَّد أي جهة اتصال بعد.
catalog-products = المنتجات
catalog-category = الفئة
catalog-no_products = لا توجد منتجات لعرضها بعد.
catalog-own_note = أنت تطّلع على نسخة العمل الخاصة بك. لا يرى الموظفون إلا النسخة المنشورة.
catalog-publish_brand = نشر العلامة التجارية
catalog-publish_product = نشر
catalog-publish_hint = يؤدي النشر إلى نسخ المسودة الحالية إلى ما يراه الموظفون.
catalog-published_done = تم النشر: يرى الموظفون هذه النسخة الآن.
catalog-preview = معاينة كما يراها الموظف
catalog-preview_note = هذه مسودتك الحالية، بما فيها الأقسام السرية. يرى الموظفون النسخة المنشورة، ولا يرون أقسامك السرية إلا إذا كانوا ضمن الفئة المخوَّلة التي اخترتها.
catalog-not_published = لم يُنشر بعد: لا يرى الموظفون هذا المنتج.
catalog-published_at = نُشر في { $date }
catalog-brand = العلامة التجارية
catalog-identification = بيانات التعريف
catalog-gtins = أرقام GTIN (الرموز الشريطية)
catalog-model_numbers = أرقام الطراز
catalog-hs_code = رمز HS
catalog-packaging = التغليف
catalog-description = الوصف
catalog-markets = الأسواق
catalog-only_sold_in = لا يُباع إلا في
catalog-never_sold_in = لا يُباع أبدًا في — السلع المصرَّح بها لهذه الأسواق مشتبه بها
catalog-pictures = الصور
catalog-no_pictures = لا توجد صور بعد.
catalog-genuine_pictures = أصلي
catalog-counterfeit_pictures = مقلَّد
catalog-other_pictures = التغليف وعناصر الأمان
catalog-guide = دليل التحقق من الأصالة
catalog-guide_intro = ضع علامة على ما تلاحظه على السلع. كلما زادت النقاط كانت الدلالة أقوى.
catalog-genuine_signs = دلائل المنتج الأصلي
catalog-counterfeit_signs = دلائل المنتج المقلَّد
catalog-weight = الوزن { $weight } من 5
catalog-full_size = الحجم الكامل
catalog-tally_title = ما حدّدته
catalog-tally_empty = ضع علامة على الدلائل التي تراها على السلع: تُجمع أوزانها هنا.
catalog-tally_counts = نقاط دلائل الأصالة المحدَّدة: { $genuine } من { $genuine_total }. نقاط دلائل التقليد المحدَّدة: { $counterfeit } من { $counterfeit_total }.
catalog-lean_counterfeit_strong = ما حدّدته يميل بوضوح نحو التقليد.
catalog-lean_counterfeit = ما حدّدته يميل نحو التقليد.
catalog-lean_even = ما حدّدته لا يرجّح أيًّا من الاحتمالين.
catalog-lean_genuine = ما حدّدته يميل نحو أصالة السلع.
catalog-lean_genuine_strong = ما حدّدته يميل بوضوح نحو أصالة السلع.
catalog-tally_caution = هذه حصيلة لملاحظاتك وليست حكمًا: وحده فحص صاحب الحق يمكنه تأكيد ما إذا كانت السلع مقلَّدة.
catalog-no_guide = لم يكتب صاحب الحق دليلًا بعد.
catalog-security_features = عناصر الأمان
catalog-how_to_check = طريقة التحقق
catalog-supply_chain = سلسلة الإمداد
catalog-made_in = بلد الصنع
catalog-parties = الأطراف المعروفة
catalog-party_role = الدور
catalog-party_name = الاسم
catalog-party_identifier = المعرِّف
catalog-party_country = البلد
catalog-party_market = السوق
catalog-routes = المسارات المعتادة
catalog-route_from = من
catalog-route_to = إلى
catalog-route_mode = وسيلة النقل
catalog-prices = الأسعار
catalog-retail = سعر التجزئة
catalog-retail_range = من { $min } إلى { $max } { $currency }
catalog-declared = القيمة المصرَّح بها المعتادة
catalog-withheld = لا يشارك صاحب الحق هذه الأجزاء إلا مع سلطات مختارة: { $sections }؛ يُرجى التواصل مع جهات الاتصال أدناه.

## catalog.party

catalog-party-manufacturer = الصانع
catalog-party-importer = المستورد
catalog-party-exporter = المصدِّر
catalog-party-distributor = الموزِّع

## catalog.transport

catalog-transport-sea = بحري
catalog-transport-air = جوي
catalog-transport-road = بري
catalog-transport-rail = سكك حديدية
catalog-transport-postal = بريد
catalog-transport-express_courier = بريد سريع

## sector

sector-apparel = الملابس
sector-luxury = السلع الفاخرة
sector-pharmaceuticals = المستحضرات الصيدلانية
sector-spare_parts = قطع الغيار
sector-electronics = الإلكترونيات
sector-cosmetics = مستحضرات التجميل
sector-tobacco = التبغ
sector-toys = الألعاب
sector-beverages = المشروبات
sector-other = أخرى

## section

section-supply_chain = سلسلة الإمداد
section-security_features = عناصر الأمان
section-prices = الأسعار

## image_label

image_label-genuine = أصلي
image_label-counterfeit = مقلَّد
image_label-packaging = التغليف
image_label-security_feature = عنصر أمان

## side

side-genuine = أصلي
side-counterfeit = مقلَّد

## notify

notify-title = صندوق الوارد
notify-intro = ما يجب أن تُبلَّغ به جهتك: عمليات حجز السلع التي تحمل علاماتك التجارية، والإجابات، والمهل، وتطابقات التنبيهات. يرى جميع أعضاء جهتك الإشعارات نفسها؛ أما حالة القراءة فخاصة بك.
notify-filter = عرض
notify-unread_only = غير المقروءة فقط
notify-show_all = عرض الكل
notify-mark_all_read = تعليم الكل كمقروء
notify-mark_read = تعليم كمقروء
notify-open = فتح
notify-new = جديد
notify-empty = لا توجد إشعارات بعد.
notify-none_unread = لا يوجد شيء غير مقروء.
notify-email_title = البريد الإلكتروني
notify-email_on = تتلقى أيضًا كل إشعار عبر البريد الإلكتروني.
notify-email_off = لا تتلقى الإشعارات عبر البريد الإلكتروني؛ لكنها تصل إلى هنا على أي حال.
notify-email_turn_off = إيقاف رسائل البريد الإلكتروني
notify-email_turn_on = إرسال رسائل البريد الإلكتروني إليّ

## notify.admin

notify-admin-title = الإشعارات: خطافات الويب وعمليات التسليم
notify-admin-no_smtp = لم يُضبط أي خادم بريد: تبقى إشعارات البريد الإلكتروني في الانتظار وتُرسل فور ضبط خادم.
notify-admin-webhooks = خطافات الويب (Webhooks)
notify-admin-webhooks_intro = يُرسل كل إشعار لجهتك أيضًا بطلب POST بصيغة JSON إلى هذه العناوين، موقَّعًا بـ HMAC-SHA256 (الترويسة X-Touchstone-Signature محسوبة على قيمة الترويسة X-Touchstone-Timestamp تليها نقطة ثم متن الطلب)، ويُعاد إرساله إلى أن يرد نظامك برمز 2xx. تعرِّف الترويسة X-Touchstone-Event-Id الحدث: أي تكرار بالمعرِّف نفسه هو إعادة محاولة.
notify-admin-url = العنوان (https://…)
notify-admin-description = الوصف
notify-admin-created = تاريخ الإنشاء
notify-admin-add = إضافة خطاف الويب
notify-admin-delete = حذف
notify-admin-secret_once = تم تسجيل خطاف الويب. لا يُعرض سر التوقيع الخاص به إلا الآن: احفظه في النظام المستقبِل.
notify-admin-no_webhooks = لا يوجد خطاف ويب بعد.
notify-admin-deliveries = عمليات تسليم معلّقة
notify-admin-deliveries_intro = رسائل البريد الإلكتروني وخطافات الويب التي لم تُسلَّم بعد رغم محاولة واحدة على الأقل. يُعاد إرسالها على فترات تتباعد تدريجيًا إلى أن تنجح.
notify-admin-no_deliveries = لا يوجد شيء معلّق: نجحت جميع عمليات التسليم.
notify-admin-event = الحدث
notify-admin-channel = القناة
notify-admin-destination = إلى
notify-admin-attempts = المحاولات
notify-admin-last_error = آخر خطأ
notify-admin-next_attempt = المحاولة التالية
notify-admin-failing = متعثّر

## cases

cases-nav = الملفات
cases-title = الملفات
cases-record = تسجيل عملية حجز
cases-record_from_product = تسجيل حجز لهذا المنتج
cases-state_label = الحالة
cases-all_states = جميع الحالات
cases-filter = عرض
cases-empty = لا يوجد ملف لعرضه.
cases-next_deadline = المهلة التالية: { $date }
cases-new_title = تسجيل عملية حجز
cases-office = المكتب الجمركي
cases-office_code = رمز المكتب
cases-office_name = اسم المكتب
cases-office_country = بلد المكتب (حرفان)
cases-office_from_profile = مكتبك، مأخوذ من صفحة حسابك (غيّره هناك).
cases-office_not_in_profile = أدخل مكتبك في صفحة حسابك وسيُملأ هنا تلقائيًا.
cases-occurred_at = تاريخ الحجز
cases-procedure_title = الملف والإجراء
cases-case_type_label = نوع الملف
cases-procedure = الإجراء الجمركي
cases-transport_mode = وسيلة النقل
cases-route = المسار
cases-origin = المنشأ
cases-departure = المغادرة
cases-destination = الوجهة
cases-country_hint = رموز بلدان من حرفين، مثل CN أو FR أو GB.
cases-transport = مستندات النقل
cases-one_per_line = واحد في كل سطر.
cases-containers = أرقام الحاويات
cases-air_waybills = بوالص الشحن الجوي
cases-bills_of_lading = سندات الشحن
cases-consignor = المرسِل
cases-consignee = المرسَل إليه
cases-declarant = المصرِّح أو حائز السلع
cases-party_name = الاسم
cases-party_address = العنوان
cases-party_country = البلد (حرفان)
cases-goods = السلع
cases-line = البند { $n }
cases-catalog_product = منتج من الفهرس
cases-description = الوصف
cases-quantity = الكمية
cases-unit = الوحدة
cases-hs_code = رمز HS
cases-declared_value = القيمة المصرَّح بها
cases-currency = العملة
cases-product_id = رقم المنتج في الفهرس
cases-brand = العلامة التجارية (رقمها في الفهرس، أو كما هي مكتوبة على السلع)
cases-goods_hint = تُتجاهل البنود الفارغة. يحتاج كل بند إلى منتج أو علامة تجارية.
cases-add_line = إضافة بند سلع
cases-default_unit = قطعة
cases-notes = ملاحظات
cases-notes_label = ملاحظات لإدارتك (لا تُعرض أبدًا على أصحاب الحقوق)
cases-detain_now = الحجز وإبلاغ صاحب الحق
cases-review = مراجعة النموذج
cases-record_title = التسجيل
cases-save_draft = الحفظ كمسودة
cases-save_draft_hint = لا يُبلَّغ أحد من خارج إدارتك؛ يمكنك تنفيذ الحجز لاحقًا من صفحة الملف.
cases-confirm_detain = السلع محجوزة: أبلِغ صاحب الحق والمصرِّح الآن.
cases-confirm_detain_required = يُرجى وضع علامة على التأكيد أولًا: يؤدي الحجز إلى إبلاغ صاحب الحق والمصرِّح فورًا.
cases-submit = تسجيل الملف
cases-case_title = الملف { $reference }
cases-outcome_label = النتيجة
cases-regime = النظام القانوني
cases-detained_at = تاريخ الحجز
cases-brands = العلامات التجارية
cases-alert_matches = يطابق هذا الملف تنبيهات
cases-deadlines = المهل
cases-notice_overdue = تأخّر إبلاغ المصرِّح.
cases-answered = الإجابة
cases-starts_on_objection = لا تبدأ إلا إذا اعترض المصرِّح.
cases-due_by = الموعد النهائي: { $date }
cases-overdue = متأخر
cases-due_office = { $date } ({ $office } بتوقيت المكتب)
cases-form_problems = { $count ->
        [zero] لا شيء يلزم تصحيحه:
        [one] يلزم تصحيح أمر واحد قبل حفظ الحجز:
        [two] يلزم تصحيح أمرين قبل حفظ الحجز:
        [few] يلزم تصحيح { $count } أمور قبل حفظ الحجز:
       *[other] يلزم تصحيح { $count } أمرًا قبل حفظ الحجز:
    }
cases-last_day = اليوم هو آخر يوم عمل
cases-days_left = { $days ->
        [zero] لا أيام عمل متبقية
        [one] يوم عمل واحد متبقٍ
        [two] يوما عمل متبقيان
        [few] { $days } أيام عمل متبقية
        [many] { $days } يوم عمل متبقٍ
       *[other] { $days } يوم عمل متبقٍ
    }
cases-deemed = { $answer } (إجابة مفترضة بسبب عدم الرد)
cases-silence_means = أثر عدم الرد عند انقضاء المهلة
cases-record_declarant_answer = تسجيل إجابة المصرِّح
cases-your_answer = إجابتك
cases-note = ملاحظة
cases-send_answer = إرسال الإجابة
cases-ask_extension = طلب تمديد
cases-next_steps = الخطوات التالية
cases-close_note = ما تم اتخاذه (مثلًا: إتلاف السلع)
cases-not_disclosed = غير مُفصَح عنه.
cases-photo = صورة السلع المحجوزة
cases-photos_title = صور السلع
cases-photos_label = التقط صورًا أو اخترها
cases-photos_hint = تُصغَّر الصور على الهاتف قبل إرسالها. يراها صاحب الحق حين يكشف له النظام القانوني عن السلع.
cases-photos_attached = الصور المرفقة بالفعل
cases-photos_preparing = جارٍ تجهيز الصور…
cases-photos_ready = الصور الجاهزة للإرسال: { $count }
cases-parties = الأطراف
cases-thread = الرسائل
cases-threads = المحادثات حسب صاحب الحق
cases-no_messages = لا توجد رسائل بعد.
cases-message = رسالتك
cases-send_message = إرسال
cases-timeline = التسلسل الزمني
cases-home_open = الملفات المفتوحة: { $count }
cases-home_alerts = التنبيهات السارية الموجَّهة إليك
cases-home_no_alerts = لا يوجد تنبيه سارٍ موجَّه إليك.

## cases.action

cases-action-detain = الحجز وإبلاغ الأطراف
cases-action-record_declarant_notice = تسجيل إبلاغ المصرِّح
cases-action-decide = اتخاذ القرار
cases-action-close = إغلاق الملف

## cases.done

cases-done-step = تم: انتقل الملف إلى المرحلة التالية.
cases-done-answer = تم تسجيل إجابتك.
cases-done-extension = تم تمديد مهلتك.
cases-done-message = تم إرسال رسالتك.

## cases.state

cases-state-draft = مسودة
cases-state-detained = محجوز
cases-state-answered = تمت الإجابة
cases-state-decided = صدر القرار
cases-state-closed = مغلق

## cases.outcome

cases-outcome-destruction = الإتلاف
cases-outcome-legal_proceedings = إجراءات قضائية
cases-outcome-released = الإفراج

## cases.case_type

cases-case_type-standard = عادي
cases-case_type-small_consignment = إرسالية صغيرة
cases-case_type-perishable = سلع سريعة التلف

## cases.procedures

cases-procedures-import = الاستيراد
cases-procedures-export = التصدير
cases-procedures-transit = العبور

## cases.party

cases-party-rights_holder = صاحب الحق
cases-party-declarant = المصرِّح

## cases.answer

cases-answer-agree_destruction = يوافق على الإتلاف
cases-answer-object = يعترض على الإتلاف
cases-answer-start_proceedings = يباشر إجراءات قضائية
cases-answer-not_infringing = السلع لا تنطوي على تعدٍّ

## cases.silence

cases-silence-agree_destruction = الموافقة على الإتلاف
cases-silence-release = الإفراج عن السلع
cases-silence-none = لا أثر له في حد ذاته

## cases.event

cases-event-created = التسجيل
cases-event-detained = الحجز وإبلاغ الأطراف
cases-event-declarant_notified = إبلاغ المصرِّح
cases-event-decided = القرار
cases-event-closed = الإغلاق
cases-event-answered = إجابة
cases-event-deemed = إجابة مفترضة (عدم الرد)
cases-event-obligation_started = بدء سريان المهلة
cases-event-extended = تمديد المهلة
cases-event-alert_match = تطابق مع تنبيه
cases-event-edited = تعديل
cases-event-shared = مشاركة
cases-event-share_withdrawn = سحب المشاركة

## alerts

alerts-on_card = التنبيهات السارية بشأن هذا المنتج
alerts-nav = التنبيهات
alerts-title = التنبيهات
alerts-intro = تحذيرات بشأن شحنات مشتبه بها، صادرة عن أصحاب الحقوق وسلطات الإنفاذ. تُطابَق الملفات الجديدة والمعدَّلة مع التنبيهات السارية.
alerts-new = نشر تنبيه
alerts-in_force = سارية
alerts-none_in_force = لا يوجد تنبيه سارٍ.
alerts-others = مسحوبة أو منتهية
alerts-what = التنبيه
alerts-alert_title = العنوان
alerts-description = الوصف
alerts-targets = الجهات والعناصر المستهدفة
alerts-target_countries = البلدان المستهدفة
alerts-countries_hint = رموز من حرفين مفصولة بفواصل؛ اتركه فارغًا لجميع البلدان.
alerts-target_offices = المكاتب الجمركية المستهدفة (الرموز)
alerts-transport_modes = وسائل النقل
alerts-origin_countries = بلدان المنشأ
alerts-match_on = معايير المطابقة
alerts-brands = العلامات التجارية
alerts-brands_hint = واحدة في كل سطر: رقم العلامة التجارية في الفهرس أو اسمها.
alerts-products = أرقام المنتجات في الفهرس
alerts-suspect_parties = الأطراف المشتبه بها
alerts-transport_documents = بوالص الشحن الجوي وسندات الشحن
alerts-hs_codes = رموز HS (الفصل أو البند أو البند الفرعي)
alerts-validity_title = مدة السريان
alerts-valid_from = من
alerts-valid_to = حتى (ضمنًا)
alerts-publish = نشر التنبيه
alerts-everywhere = جميع البلدان
alerts-withdraw = سحب التنبيه
alerts-validity = من { $from } حتى { $to }
alerts-unknown_brand = لا توجد في الفهرس علامة تجارية واحدة باسم «{ $name }»؛ أدخل رقمها في الفهرس.
alerts-bad_product = «{ $value }» ليس رقم منتج.

## alerts.status

alerts-status-in_force = سارٍ
alerts-status-withdrawn = مسحوب
alerts-status-not_in_force = غير سارٍ
alerts-reason-suspect_party = { $role } { $name } طرف مشتبه به
alerts-reason-container = الحاوية { $container }
alerts-reason-document = مستند النقل { $document }
alerts-reason-product = المنتج: { $product }
alerts-reason-hs_code = رمز النظام المنسق HS { $code }
alerts-reason-brand = العلامة التجارية رقم { $brand }
alerts-reason-origin = المنشأ: { $country }
alerts-brand_number = العلامة التجارية رقم { $number }
alerts-product_number = المنتج رقم { $number }

## stats

stats-nav = الإحصاءات
stats-title = الإحصاءات
stats-intro = وضع الملفات التي يحق لك الاطلاع عليها (وعددها { $total }) وكيف انتهت.
stats-by_outcome = الملفات حسب النتيجة
stats-by_state = الملفات حسب الحالة
stats-cases = الملفات
stats-chart = رسم بياني

## ops

ops-ack_note = ما اتفقت عليه مع الجهة الأخرى (اختياري)
ops-ack_hint = بعد أن تتحدث مع نقطة الاتصال لدى الجهة الأخرى، اذكر ما قررته؛ تُبلَّغ الجهة الأخرى بإجابتك فقط، لا أكثر.
ops-you_said = إجابتك
ops-other_said = إجابة الجهة الأخرى
ops-matched_on = تطابق على أساس
ops-nav = العمليات
ops-title = العمليات
ops-coordination = التنسيق
ops-hits_link = التطابقات ونظرة عامة
ops-none = لم تسجّل جهتك أي عملية بعد.
ops-new = تسجيل عملية
ops-name = الاسم
ops-kind = النوع
ops-kind_hint = تحقيق، عملية مشتركة…
ops-status_label = الحالة
ops-starts_on = تاريخ البدء
ops-ends_on = تاريخ الانتهاء
ops-period = الفترة
ops-contact = نقطة الاتصال
ops-contact_name = الاسم
ops-contact_phone = الهاتف (بالصيغة الدولية)
ops-contact_email = البريد الإلكتروني
ops-confidentiality = درجة السرية
ops-tell_officer = عندما يطابق حجزٌ أحد الأهداف، أبلِغ أيضًا الموظف الذي سجّله (وإلا يبقى التطابق صامتًا: لا تعلم به إلا نقطة الاتصال هذه)
ops-create = تسجيل العملية
ops-on_detention = عند حجز مطابق
ops-tell_both = تُبلَّغ نقطتا الاتصال كلتاهما
ops-silent = صامت: لا تُبلَّغ إلا نقطة الاتصال الخاصة بهذه العملية
ops-targets = الأهداف
ops-targets_hint = لا تُقارَن الأهداف بأهداف الجهات الأخرى إلا في صورة بصمات رقمية بمفتاح سري (keyed hash) لصيغتها الموحَّدة؛ ولا يطّلع عليها أحد غيرك.
ops-target_kind = النوع
ops-target_value = المعرِّف
ops-country = البلد (للشركات والمركبات)
ops-dob = تاريخ الميلاد (للأشخاص)
ops-add_target = إضافة الهدف والتحقق منه
ops-targets_added = تمت إضافة الهدف؛ { $hits ->
        [zero] لا تطابق
        [one] تطابق واحد
        [two] تطابقان
        [few] { $hits } تطابقات
        [many] { $hits } تطابقًا
       *[other] { $hits } تطابق
    } مع الجهات الأخرى.
ops-events = الإجراءات المخطط لها
ops-event_kind = الإجراء
ops-place = المكان
ops-window = الوقت
ops-lat = خط العرض
ops-lon = خط الطول
ops-radius = نصف القطر (م)
ops-starts_at = البداية
ops-ends_at = النهاية
ops-note = ملاحظة
ops-add_event = إضافة الإجراء المخطط له والتحقق منه
ops-event_added = تمت إضافة الإجراء المخطط له؛ { $conflicts ->
        [zero] لا تعارض
        [one] تعارض واحد
        [two] تعارضان
        [few] { $conflicts } تعارضات
        [many] { $conflicts } تعارضًا
       *[other] { $conflicts } تعارض
    } مع الجهات الأخرى.
ops-active = نشطة
ops-hits = التطابقات
ops-hits_hint = يبيّن لك التطابق أيًّا من عناصرك تقاطع مع عمل جهة أخرى ومن ينبغي أن تتصل به؛ ولا يرى أيٌّ من الطرفين ملف الطرف الآخر.
ops-no_hits = لا يوجد أي تطابق حتى الآن.
ops-your_item = عنصرك
ops-open_operation = فتح العملية
ops-contact_before = اتصل قبل التحرك

## ops.status

ops-status-planned = مخطط لها
ops-status-active = نشطة
ops-status-closed = مغلقة

## ops.level

ops-level-restricted = محدود التداول
ops-level-confidential = سري
ops-level-secret = سري للغاية

## ops.kinds

ops-kinds-company = شركة
ops-kinds-person = شخص
ops-kinds-address = عنوان
ops-kinds-phone = هاتف
ops-kinds-email = بريد إلكتروني
ops-kinds-vehicle = لوحة مركبة
ops-kinds-container = حاوية
ops-kinds-vessel = سفينة (IMO)
ops-kinds-air_waybill = بوليصة شحن جوي
ops-kinds-bill_of_lading = سند شحن
ops-kinds-web_domain = نطاق ويب
ops-kinds-iban = IBAN

## ops.event

ops-event-search = تفتيش
ops-event-controlled_delivery = تسليم مراقَب
ops-event-inspection = فحص
ops-event-surveillance = مراقبة

## ops.ack

ops-ack-go_ahead = تحدثنا: نمضي قدمًا
ops-ack-stand_down = تحدثنا: نتراجع
ops-ack-merge = تحدثنا: نعمل معًا

## ops.form

ops-form-name = الاسم كما هو مكتوب
ops-form-word_set = الكلمات نفسها بترتيب مختلف
ops-form-words_joined = كلمتين مكتوبتين ككلمة واحدة
ops-form-transliterated = اسم مكتوب بالحروف اللاتينية
ops-form-spelling = خطأ إملائي (تحقّق قبل التحرك)
ops-form-place_and_time = المكان والزمان

## ops.match

ops-match-target = الهدف نفسه
ops-match-place_and_time = المكان والزمان نفسهما
ops-match-detention = حجز يخص هدفًا

## editor

editor-history_link = السجل
editor-edit_link = تعديل
editor-history_title = سجل { $name }
editor-no_history = لم تُحفظ أي نسخة بعد.
editor-version = النسخة
editor-action = التغيير
editor-who = بواسطة
editor-when = الوقت
editor-edit_title = تعديل { $name }
editor-version_note = أنت تعدّل النسخة { $version } من المسودة.
editor-preview_link = معاينة كما يراها الموظف
editor-conflict = حفظ شخص آخر هذا المنتج في هذه الأثناء؛ أعد تحميل الصفحة للاطلاع على تغييراته، ثم أعد إجراء تغييراتك.
editor-reload = إعادة التحميل
editor-main = البيانات الأساسية
editor-identification = بيانات التعريف
editor-hs_hint = البند الفرعي من نظام HS المكوّن من 6 أرقام، مثل 4202.21.
editor-gtins_hint = رقم GTIN واحد في كل سطر (8 أو 12 أو 13 أو 14 رقمًا).
editor-markets_hint = رموز بلدان مثل FR أو DE أو US، مفصولة بفواصل.
editor-kept = تبقى الأجزاء الأخرى من البطاقة (سلسلة الإمداد، وعناصر الأمان، والأسعار، وأرقام الطراز، واللغات الأخرى) كما هي.
editor-save = حفظ المسودة
editor-label = ما تُظهره الصورة
editor-file = الصورة
editor-upload_hint = الصيغ المقبولة: JPEG أو PNG أو WebP. تُزال البيانات الوصفية، مثل موقع GPS، قبل التخزين.
editor-upload = رفع الصورة
editor-upload_refused = رُفض هذا الملف.
editor-remove_refused = لم تُحذف الصورة.
editor-add_indicator = إضافة مؤشر
editor-side = يدل على
editor-weight = الوزن
editor-weight_hint = من 1 (قرينة) إلى 5 (حاسم).
editor-image = صورة من المعرض
editor-no_image = بلا صورة
editor-add = إضافة المؤشر
editor-remove = حذف
editor-name = الاسم
editor-captions = تعليقات الصور
editor-caption_in = التعليق ({ $language })
editor-text_in = ما يجب فحصه ({ $language })
editor-texts_in = النصوص ({ $language })

## editor.actions

editor-actions-create = إنشاء
editor-actions-save = حفظ
editor-actions-publish = نشر
editor-actions-import = استيراد

## editor.saved

editor-saved-main = تم الحفظ: للمسودة نسخة جديدة. انشرها لكي يطّلع عليها الموظفون.
editor-saved-image = أُضيفت الصورة إلى المعرض.
editor-saved-image_removed = أُزيلت الصورة من المعرض. انشر المسودة لكي يرى الموظفون هذا التغيير.
editor-saved-indicator = أُضيف المؤشر إلى الدليل.
editor-saved-removed = حُذف المؤشر من الدليل.

## editor.brand

editor-brand-edit_link = تعديل العلامة التجارية
editor-brand-title = تعديل العلامة التجارية { $name }
editor-brand-back = العودة إلى العلامة التجارية
editor-brand-conflict = حفظ شخص آخر هذه العلامة التجارية في هذه الأثناء؛ أعد تحميل الصفحة للاطلاع على تغييراته، ثم أعد إجراء تغييراتك.
editor-brand-main = الأسماء والقطاع وبادئات GS1
editor-brand-name = اسم العلامة التجارية
editor-brand-aliases_hint = كتابة واحدة في كل سطر: الكتابات والأبجديات الأخرى التي قد تظهر على السلع، مثل Maison Lumiere أو メゾン・ルミエール.
editor-brand-prefixes = بادئات الشركة في GS1
editor-brand-prefixes_hint = بادئة واحدة في كل سطر، من 6 إلى 12 رقمًا: تتيح للموظف تتبّع رمز شريطي مجهول وصولًا إليك.
editor-brand-logo = الشعار
editor-brand-no_logo = لا يوجد شعار بعد.
editor-brand-logo_alt = شعار { $name }
editor-brand-logo_file = صورة الشعار
editor-brand-logo_upload = رفع الشعار
editor-brand-add_trademark = إضافة تسجيل علامة تجارية
editor-brand-classes_hint = أصناف نيس من 1 إلى 45، مفصولة بفواصل، مثل 18, 25.
editor-brand-add_contact = إضافة جهة اتصال
editor-brand-contact_name = الاسم أو المكتب
editor-brand-country_hint = البلد الذي تختص به جهة الاتصال هذه (مثل FR)؛ اتركه فارغًا لجميع البلدان.
editor-brand-languages_hint = رموز من حرفين مفصولة بفواصل، مثل en, fr.
editor-brand-hours_hint = مع المنطقة الزمنية، مثل Mon–Fri 08:00–18:00 CET.
editor-brand-representatives = الممثلون
editor-brand-representatives_hint = الجهات الممثِّلة التي تفوّضها لتعديل بطاقات هذه العلامة التجارية والرد باسمها؛ ولا يمكنها تغيير من يطّلع على أقسامك السرية.
editor-brand-no_representatives = لا يوجد ممثل يعمل باسم هذه العلامة التجارية.
editor-brand-representative = الجهة الممثِّلة
editor-brand-delegate = تفويضها بالعمل باسم العلامة التجارية
editor-brand-revoke = إنهاء التفويض
editor-brand-audience = من يطّلع على الأقسام السرية
editor-brand-audience_hint = يرى الموظفون من خارج هذه الفئة المخوَّلة أن القسم محجوب، ومن يجب أن يسألوا. لا تغيّر هذا الإعداد إلا جهتك؛ ويُسجَّل كل تغيير في سجل التدقيق.
editor-brand-audience_sections = الأقسام المقصورة على الفئة المخوَّلة
editor-brand-audience_countries = البلدان التي تنتمي سلطات الإنفاذ فيها إلى الفئة المخوَّلة
editor-brand-audience_organisations = جهات الإنفاذ المنتمية إلى الفئة المخوَّلة
editor-brand-contact_texts_in = أسماء جهات الاتصال وساعات عملها ({ $language })

## editor.brand.saved

editor-brand-saved-main = تم الحفظ: لمسودة العلامة التجارية نسخة جديدة. انشر العلامة التجارية لكي يطّلع عليها الموظفون.
editor-brand-saved-trademark = أُضيف تسجيل العلامة التجارية إلى المسودة.
editor-brand-saved-contact = أُضيفت جهة الاتصال إلى المسودة.
editor-brand-saved-logo = خُزِّن الشعار وأُضيف إلى المسودة.
editor-brand-saved-removed = حُذف من المسودة.
editor-brand-saved-representative = تم تحديث ممثلي العلامة التجارية.
editor-brand-saved-audience = حُفظت الفئة المخوَّلة بالاطلاع على الأقسام السرية. يسري ذلك فورًا دون حاجة إلى النشر، بحيث يصبح سحب أي قسم نافذًا على الفور.

## editor.supply

editor-supply-link = عناصر الأمان وسلسلة الإمداد
editor-supply-title = عناصر الأمان وسلسلة الإمداد لـ { $name }
editor-supply-main_link = البيانات الأساسية والصور والدليل
editor-supply-confidential_hint = يرى الموظفون هذه الأجزاء بمجرد نشرها، ما لم تقصرها علامتك التجارية على السلطات التي اخترتها.
editor-supply-no_features = لم يوصف أي عنصر أمان بعد.
editor-supply-add_feature = إضافة عنصر أمان
editor-supply-kind = النوع
editor-supply-kind_hint = مثل: صورة مجسّمة (هولوغرام)، رمز تسلسلي، ختم ضد العبث، حبر فوق بنفسجي.
editor-supply-countries = البلدان التي يُصنع فيها المنتج الأصلي
editor-supply-parties = الصانعون والمستوردون والمصدِّرون والموزِّعون المعتمدون
editor-supply-no_parties = لم يُحدَّد أي طرف بعد.
editor-supply-add_party = إضافة طرف
editor-supply-identifier_hint = رقم EORI أو رقم التسجيل أو ما يماثله، إن توفّر لديك.
editor-supply-market_hint = السوق المعتمد لها (مثل DE)، إن كانت تخدم سوقًا معيّنة.
editor-supply-no_routes = لم يُحدَّد أي مسار معتاد بعد.
editor-supply-add_route = إضافة مسار

## editor.supply.saved

editor-supply-saved-feature = أُضيف عنصر الأمان إلى المسودة.
editor-supply-saved-manufacturing = حُفظت بلدان التصنيع في المسودة.
editor-supply-saved-party = أُضيف الطرف إلى المسودة.
editor-supply-saved-route = أُضيف المسار إلى المسودة.
editor-supply-saved-removed = حُذف من المسودة.

## identify

identify-live_start = المسح بالكاميرا
identify-live_stop = إيقاف الكاميرا
identify-live_aim = وجّه الكاميرا نحو الرمز الشريطي وثبّتها.
identify-live_denied = تعذّر تشغيل الكاميرا؛ يُرجى التقاط صورة باستخدام النموذج أدناه بدلًا من ذلك.
identify-found_brands = العلامات التجارية
identify-found_products = المنتجات
identify-catalog_search_label = العلامة التجارية أو المنتج
identify-catalog_search_hint = اسم أو جزء منه، أو اسم بديل، أو رقم GTIN، أو رقم طراز؛ تُتجاوز الأخطاء الإملائية.
identify-nav = تعرّف
identify-home_card = التعرّف على منتج: صورة الرمز الشريطي أو الرمز أو الاسم
identify-title = التعرّف على منتج
identify-intro = صوّر الرمز الشريطي، أو اكتب الرمز المطبوع تحته، أو اكتب اسم المنتج أو العلامة التجارية.
identify-result = ما يدل عليه الرمز
identify-choose = قُرئت عدة رموز: اختر الرمز الموجود على السلع
identify-code_read = الرمز المقروء
identify-check_code = قارن الرمز المقروء بالأرقام المطبوعة تحت الرمز الشريطي: فقد يُقرأ الملصق البالي أو المجعّد قراءة خاطئة.
identify-open_card = فتح بطاقة المنتج
identify-look_up_corrected = البحث عن { $code }
identify-photo_title = صورة الرمز الشريطي
identify-photo_label = التقط صورة أو اخترها
identify-photo_hint = الصيغ المقبولة: JPEG أو PNG أو WebP، بحجم أقصاه { $max } ميغابايت. أبقِ الرمز الشريطي مستويًا ومضاءً وواضحًا.
identify-photo_submit = قراءة الرمز الشريطي
identify-code_title = كتابة رمز
identify-code_label = رقم GTIN أو رمز GS1 أو رابط Digital Link
identify-code_hint = الأرقام الموجودة تحت الرمز الشريطي (مثل 4006381333931)، أو سلسلة GS1 مثل (01)04006381333931(10)ABC، أو رابط https:// من رمز QR.
identify-code_submit = البحث عن الرمز
identify-name_title = البحث بالاسم
identify-name_label = اسم المنتج أو العلامة التجارية
identify-name_hint = تُتجاوز الأخطاء الإملائية؛ لا أهمية لعلامات التشكيل والنبر ولا لحالة الأحرف.
identify-name_submit = بحث
identify-no_hits = لا يوجد محتوى منشور يطابق «{ $query }». تحقّق من الإملاء، أو جرّب اسم العلامة التجارية أو الأرقام الموجودة تحت الرمز الشريطي.
identify-kind_brand = علامة تجارية
identify-q_required = اكتب اسم منتج أو علامة تجارية للبحث عنه.
identify-several = عدد الرموز الشريطية المقروءة من الصورة: { $count }.
identify-no_barcode = لم يُعثر على أي رمز شريطي في هذه الصورة. قرّب الكاميرا مع إبقاء الرمز الشريطي مستويًا ومضاءً وواضحًا، ثم أعد المحاولة، أو اكتب الأرقام المطبوعة تحته.
identify-product = { $product } من العلامة التجارية { $brand }.
identify-brand_only = لا يوجد منتج مسجّل برقم GTIN { $gtin }، لكن بادئة الشركة { $prefix } تعود إلى { $brand }: يُرجى التواصل مع جهات الاتصال الخاصة بها أدناه.
identify-not_registered = لا يوجد شيء مسجّل في Touchstone لرقم GTIN { $gtin }: لا يحمله أي منتج، ولا تملك أي علامة تجارية بادئة الشركة الخاصة به.
identify-check_digit = رقم التحقق في هذا الرمز خاطئ: بهذه الأرقام يجب أن يكون الرقم الأخير { $expected } وليس { $found }. تحقّق من الأرقام التي كتبتها أو قرأتها.
identify-check_digit_ai = في المعرِّف AI ({ $ai }) يجب أن يكون رقم التحقق { $expected } وليس { $found }. تحقّق من الأرقام التي كتبتها أو قرأتها.
identify-invalid = هذا الرمز غير صالح: { $reason }.
identify-no_gtin = لا يتضمن رمز GS1 هذا رقم GTIN، لذا فهو لا يدل على منتج.
identify-not_a_code = هذا ليس رمز منتج (رقم GTIN أو رمز GS1 أو رابط GS1 Digital Link).
identify-error_form = تعذّر استلام الصورة؛ يُرجى اختيار الصورة مرة أخرى وإرسال النموذج.
identify-error_empty_file = الصورة فارغة؛ يُرجى التقاط الصورة أو اختيارها مرة أخرى.
identify-error_file_too_large = حجم هذه الصورة يتجاوز { $max } ميغابايت؛ التقط صورة أقرب وأصغر للرمز الشريطي.
identify-error_unsupported_type = هذا الملف ليس صورة بصيغة JPEG أو PNG أو WebP؛ التقط صورة للرمز الشريطي بالكاميرا.
identify-error_too_many_pixels = هذه الصورة أكبر بكثير من أن تُقرأ (عدد البكسلات كبير جدًا)؛ التقط صورة عادية للرمز الشريطي.
identify-error_corrupt_file = هذه الصورة تالفة ولا يمكن قراءتها؛ يُرجى التقاط الصورة مرة أخرى.
identify-error_processing_timeout = استغرقت قراءة هذه الصورة وقتًا طويلًا جدًا؛ التقط صورة أقرب للرمز الشريطي وحده.
identify-identified_photo = قُرئ من صورتك: { $code } ({ $format }).
identify-identified_code = عُثر عليه بالرمز { $code }.
identify-identified_check = قارنه بالأرقام الموجودة تحت الرمز الشريطي: إذا اختلفت، فأعد التعرّف على المنتج.
identify-again = التعرّف على منتج آخر
identify-results_for = نتائج البحث عن «{ $query }»
identify-hit_picture = { $product } الأصلي
identify-search_again = بحث جديد
identify-shrinking = جارٍ إنشاء نسخة أصغر من الصورة لإرسالها بسرعة أكبر…
identify-reading_here = جارٍ البحث عن الرمز الشريطي على الهاتف…
identify-sending = جارٍ إرسال الصورة: { $percent } % من { $size }
identify-sent = أُرسلت الصورة؛ جارٍ قراءة الرمز الشريطي…
identify-send_failed = تعذّر إرسال الصورة: تحقّق من الاتصال بالشبكة، ثم أعد المحاولة.
identify-size_kb = { $n } كيلوبايت
identify-size_mb = { $n } ميغابايت
identify-no_barcode_shrunk = تعذّرت قراءة أي رمز شريطي في النسخة المصغّرة من الصورة التي أُرسلت توفيرًا للوقت. أرسل الصورة الأصلية (أكبر حجمًا وأبطأ إرسالًا)، أو التقط صورة أقرب.
identify-send_original = إرسال الصورة الأصلية

## grants

grants-nav = أذونات الوصول
grants-access_nav = الوصول
grants-title = أذونات الوصول
grants-intro = لا تصل أجهزة الشرطة والجهات الأخرى إلى قسم الإنفاذ إلا بموجب إذن وصول محدد النطاق، له تاريخ انتهاء، ويمكن إلغاؤه فورًا. يُسجَّل كل ما يجري هنا في سجل التدقيق.
grants-requests = طلبات الوصول
grants-no_requests = لم تطلب أي جهة الوصول.
grants-reason = السبب
grants-asked_by = مقدِّم الطلب
grants-answer_with_grant = الرد بمنح إذن
grants-decline = رفض
grants-list = الأذونات
grants-none = لا يوجد إذن بعد.
grants-in_force = سارٍ
grants-ended = منتهٍ
grants-given_by = مانح الإذن
grants-revoked_at = أُلغي في
grants-scopes = الوصول إلى
grants-expires_on = آخر يوم
grants-change = حفظ التغييرات
grants-revoke = إلغاء الآن
grants-give = منح إذن
grants-no_agencies = لم يُسجَّل بعد أي جهاز شرطة أو جهة أخرى من بلدك.
grants-grantor = باسم
grants-grantee = الجهة
grants-access_title = الوصول إلى قسم الإنفاذ
grants-access_intro = تصل جهتك إلى ما يتيحه لها إذن الوصول. ويتولى منح الأذونات إدارةُ الجمارك في بلدك أو مسؤولو المنصة؛ قدّم طلبك هنا وسيُبلَّغون به فورًا.
grants-opens = ما يتيحه
grants-held = الممنوح حاليًا
grants-yes = نعم
grants-no = لا
grants-whom = من يمكنه منح الوصول
grants-ask = طلب الوصول
grants-why = الغرض من الطلب
grants-ask_button = إرسال الطلب
grants-request_sent = أُرسل طلبك؛ سترى الرد هنا وفي صندوق الوارد.
grants-your_requests = طلباتك
grants-open = بانتظار الرد
grants-no_grant_hint = ليس لدى جهتك إذن وصول لهذا بعد.

## grants.scope

grants-scope-catalog_alerts = الفهرس والتنبيهات
grants-scope-case_sharing = الملفات المشتركة
grants-scope-coordination = تنسيق العمليات

## grants.scope_help

grants-scope_help-catalog_alerts = فهرس المنتجات المنشور، وخدمة التعرّف على المنتجات، والتنبيهات الموجَّهة إلى جهتك.
grants-scope_help-case_sharing = عمليات الحجز التي تشاركها معك إدارة جمارك، والمحادثات المتعلقة بها.
grants-scope_help-coordination = تسجيل العمليات والأهداف، ومعرفة متى تعمل جهة أخرى على الهدف نفسه.

## grants.outcome

grants-outcome-granted = مُنح
grants-outcome-declined = رُفض

## content

# Beside a text shown in another language than the reader's, because it has no version in theirs.
content-not_translated = غير مترجم
content-languages = لغات النصوص
content-editing_note = النصوص باللغة: { $language }. يرى القراء الذين لا توجد نسخة بلغتهم نصوصَ لغة الاحتياط ({ $fallback })، وهي معروضة تحت كل حقل. لا يغيّر الحفظ إلا نصوص هذه اللغة.
content-missing = { $count ->
    [0] مكتمل
    [one] نص واحد ناقص
    [two] نصان ناقصان
    [few] { $count } نصوص ناقصة
    [many] { $count } نصًا ناقصًا
   *[other] { $count } نص ناقص
    }
content-fallback_language = لغة الاحتياط
content-fallback_choice = لغة الاحتياط
content-fallback_hint = يرى القراء الذين لا توجد بلغتهم نسخة من نص ما هذا النصَّ بهذه اللغة، مع إشارة إلى أنه غير مترجم. تُعدّ النصوص المكتوبة دون تحديد لغة نصوصًا بهذه اللغة.
content-fallback_text = { $language } (لغة الاحتياط):

## gs1

# What a GS1 code carries, named field by field (Application Identifiers).
gs1-ai_other = معرّف التطبيق ({ $ai })
gs1-ai-01 = GTIN
gs1-ai-02 = GTIN للمواد المحتواة
gs1-ai-10 = رقم الدفعة
gs1-ai-11 = تاريخ الإنتاج
gs1-ai-13 = تاريخ التعبئة
gs1-ai-15 = يفضل استهلاكه قبل
gs1-ai-16 = آخر موعد للبيع
gs1-ai-17 = تاريخ انتهاء الصلاحية
gs1-ai-21 = الرقم التسلسلي
gs1-ai-22 = نوع المنتج
gs1-ai-240 = تعريف إضافي للمنتج
gs1-ai-241 = رقم القطعة لدى العميل
gs1-ai-30 = عدد المواد
gs1-ai-37 = عدد الوحدات التجارية
gs1-ai-400 = رقم طلب العميل
gs1-ai-414 = الموقع (GLN)
gs1-ai-422 = بلد المنشأ
gs1-ai-8003 = أصل قابل للإرجاع (GRAI)
gs1-ai-8004 = أصل فردي (GIAI)

## offline

offline-kept = بيانات محفوظة وليست محدَّثة: لا توجد شبكة، وهذه الصفحة نسخة محفوظة على هذا الهاتف بتاريخ { $when }.
offline-no_card = لا توجد شبكة، ولا توجد بطاقة منتج محفوظة على هذا الهاتف للرمز { $code }. أعد المحاولة عند عودة الشبكة.
offline-store = بطاقات المنتجات المحفوظة على هذا الهاتف للعمل دون شبكة: { $count } ({ $size })، آخر مزامنة بتاريخ { $when }.
offline-store_empty = لا توجد بعد بطاقة منتج محفوظة على هذا الهاتف: البطاقات التي تفتحها أثناء الاتصال تُحفظ للعمل دون شبكة.
offline-queue_title = الحجوزات المسجلة دون شبكة
offline-queued = لا توجد شبكة: الحجز محفوظ على هذا الهاتف وسيُرسل فور عودة الشبكة.
offline-waiting = في انتظار الإرسال
offline-sent = أُرسل
offline-open_case = فتح الملف
offline-refused = رفضه الخادم، يجب تسجيله من جديد
offline-signin = سجّل الدخول مجددًا لإرساله
offline-photos = الصور: { $count }
offline-pin = احتفظ ببطاقات هذه العلامة على هذا الهاتف
offline-unpin = توقف عن الاحتفاظ ببطاقات هذه العلامة
offline-pinning = جارٍ حفظ البطاقات…
offline-pinned_done = محفوظة على هذا الهاتف لفتحها دون شبكة: { $count } بطاقة ({ $size })، آخر مزامنة في { $when }.
offline-pin_failed = تعذّر حفظ البطاقات: لا توجد شبكة أو لا توجد مساحة على الهاتف.
offline-pin_sector = احفظ بطاقات هذا القطاع على هذا الهاتف
offline-unpin_sector = توقف عن حفظ بطاقات هذا القطاع
offline-pin_over_budget = لم يُحفظ شيء: مع هذه البطاقات سيصبح عدد البطاقات المحفوظة للعلامات والقطاعات { $count }، وهذا الهاتف يحفظ { $max } بطاقة على الأكثر. توقف أولًا عن حفظ علامة تجارية أو قطاع.
offline-pin_partial = لم يُحفظ إلا { $count } من أصل { $total } بطاقة: امتلأت المساحة المخصصة للعلامات والقطاعات على هذا الهاتف ({ $max_size }). توقف عن حفظ علامة تجارية أو قطاع لحفظ الباقي.
offline-budget = المحفوظ للعلامات والقطاعات: { $cards } من أصل { $max } بطاقة على الأكثر، و{ $size } من أصل { $max_size } على الأكثر.
offline-pinned_list = العلامات التجارية والقطاعات المحفوظة على هذا الهاتف: { $pins }
offline-pinned_item = { $title } ({ $count } بطاقة، آخر مزامنة في { $when })

## time

# A moment as a reader reads it: $time is 24-hour hh:mm, $zone the zone (CET, UTC+04).
time-datetime = { $day } { $month } { $year }، الساعة { $time } { $zone }
time-date = { $day } { $month } { $year }
time-month_1 = يناير
time-month_2 = فبراير
time-month_3 = مارس
time-month_4 = أبريل
time-month_5 = مايو
time-month_6 = يونيو
time-month_7 = يوليو
time-month_8 = أغسطس
time-month_9 = سبتمبر
time-month_10 = أكتوبر
time-month_11 = نوفمبر
time-month_12 = ديسمبر
time-your_zone = الأوقات حسب منطقتك الزمنية: { $zone }. يمكنك تغييرها من صفحة حسابك.

## list

# Between the items of a list written in a sentence.
punctuation-colon = {":"}
list-separator = {"، "}

## notice

# Notifications: each is written in its reader's language when shown or e-mailed.
notice-email_footer = تتلقى هذه الرسالة بصفتك عضوًا في جهتك على Touchstone؛ ويعرض صندوق الوارد لديك هناك جميع الإشعارات، ويتيح لك إيقاف رسائل البريد الإلكتروني هذه.
notice-case_message-subject = رسالة جديدة في الملف { $case }
notice-case_shared-subject = تمت مشاركة الملف { $case } معك
notice-case_detained-subject = حجز سلع تحمل علاماتك التجارية: الملف { $case }
notice-case_detained-body = افتح الملف للإجابة قبل انقضاء المهلة.
notice-case_step-subject = الملف { $case }: { $step }
notice-case_step_outcome-subject = الملف { $case }: { $step }، { $outcome }
notice-case_answered-subject = الملف { $case }: أجاب صاحب الحق «{ $answer }»
notice-case_extended-subject = الملف { $case }: مدّد صاحب الحق مهلته حتى { $due }
notice-case_answer_required-subject = الملف { $case }: يعترض المصرِّح؛ يُرجى الإجابة في موعد أقصاه { $due }
notice-case_answer_required-body = باشر الإجراءات القضائية قبل انقضاء المهلة، وإلا فسيُفرَج عن السلع.
notice-case_ready-subject = الملف { $case } جاهز لاتخاذ القرار: { $outcome }
notice-deadline_reminder-subject = الملف { $case }: الموعد الأقصى لإجابتك { $due }
notice-deadline_reminder-body = أثر عدم الرد عند انقضاء المهلة: { $silence }.
notice-alert_match-subject = طابق تنبيهك «{ $title }» عملية حجز
notice-hit-subject = التنسيق: جهة أخرى تعمل على أحد عناصرك ({ $item }): «{ $label }»
notice-hit-contact = اتصل قبل التحرك: { $contact }.
notice-hit-matched = وجه التطابق: { $match } ({ $form }). لا يُعرض عليك ملف الجهة الأخرى، ولا يُعرض عليها ملفك.
notice-hit_acknowledged-subject = التنسيق: أكّدت الجهة الأخرى اطلاعها ({ $outcome })
notice-hit_acknowledged-body = أكّدت الجهة الأخرى اطلاعها على تطابق مشترك بينكما: { $outcome }.
notice-hit_reminder-subject = التنسيق: لم يُؤكَّد بعد الاطلاع على تطابق بشأن «{ $label }»
notice-hit_reminder-body = اتصل بنقطة الاتصال لدى الجهة الأخرى، ثم سجّل في صفحة التطابق ما قررته.
notice-access_granted-subject = مُنح الوصول: { $scopes }
notice-access_granted-body = مُنحت جهتك حق الوصول ({ $scopes }) حتى { $expires }.
notice-access_revoked-subject = أُلغي الوصول
notice-access_revoked-body = أُلغي إذن الوصول الممنوح لجهتك ({ $scopes }).
notice-access_requested-subject = تطلب { $agency } الوصول
notice-access_requested-body = تطلب { $agency } ({ $country }) الوصول إلى: { $scopes }.
notice-access_requested-reason = السبب: { $reason }
notice-access_requested-by = مقدِّم الطلب: { $by }
notice-access_declined-subject = رُفض طلب الوصول
notice-access_declined-body = رفض { $by } طلبك للوصول ({ $scopes }).

## notice.item

notice-item-target = هدف
notice-item-detention = حجز
notice-item-planned_action = إجراء مخطط له

## audit.action

audit-action-access_decline = رفض طلب وصول
audit-action-access_request = طلب وصول
audit-action-alert_create = إنشاء تنبيه
audit-action-alert_update = تعديل تنبيه
audit-action-audit_read = الاطلاع على سجل التدقيق
audit-action-brand_confidentiality = تعديل سرية العلامة التجارية
audit-action-brand_create = إنشاء علامة تجارية
audit-action-brand_delegate = تفويض علامة تجارية
audit-action-brand_publish = نشر علامة تجارية
audit-action-brand_revoke_delegation = سحب تفويض علامة تجارية
audit-action-brand_update = تعديل علامة تجارية
audit-action-case_answer = الرد على ملف
audit-action-case_create = تسجيل ملف
audit-action-case_detain = حجز بضائع
audit-action-case_extension = تمديد المهلة
audit-action-case_message = رسالة في ملف
audit-action-case_read = الاطلاع على ملف
audit-action-case_share = مشاركة ملف
audit-action-case_share_withdrawn = سحب مشاركة ملف
audit-action-case_shared_with = استلام ملف مشترك
audit-action-case_thread_read = الاطلاع على محادثة ملف
audit-action-case_transition = مرحلة في ملف
audit-action-case_update = تعديل ملف
audit-action-catalog_import = استيراد الفهرس
audit-action-catalog_read = الاطلاع على الفهرس
audit-action-catalog_read_confidential = الاطلاع على أقسام سرية
audit-action-coordination_hit = تطابق في التنسيق
audit-action-coordination_hit_ack = الإقرار بتطابق
audit-action-grant_change = تعديل إذن وصول
audit-action-grant_create = منح إذن وصول
audit-action-grant_received = استلام إذن وصول
audit-action-grant_revoke = إلغاء إذن وصول
audit-action-media_demo_pictures = إضافة صور تجريبية
audit-action-media_upload = رفع ملف
audit-action-notify_email_preference = تعديل تفضيل البريد الإلكتروني
audit-action-operation_create = تسجيل عملية
audit-action-operation_event = إضافة إجراء مخطط له
audit-action-operation_targets = إضافة أهداف
audit-action-operation_update = تعديل عملية
audit-action-organisation_create = إنشاء جهة
audit-action-organisation_set_api_limits = تحديد حدود واجهة البرمجة
audit-action-organisation_set_email_domains = تحديد نطاقات البريد الإلكتروني
audit-action-party_export = تصدير بيانات طرف (طلب قانوني)
audit-action-product_create = إنشاء منتج
audit-action-product_publish = نشر منتج
audit-action-product_update = تعديل منتج
audit-action-retention_purge = حذف بيانات شخصية (مدة الاحتفاظ)
audit-action-sign_in = تسجيل الدخول
audit-action-sign_in_failed = فشل تسجيل الدخول
audit-action-sign_in_refused_deactivated = رفض تسجيل الدخول: الحساب معطل
audit-action-sign_in_refused_locked = رفض تسجيل الدخول: الحساب مقفل
audit-action-sign_in_second_factor = قبول العامل الثاني
audit-action-sign_in_second_factor_failed = رمز العامل الثاني خاطئ
audit-action-sign_out = تسجيل الخروج
audit-action-token_create = إنشاء رمز واجهة برمجة
audit-action-token_revoke = إلغاء رمز واجهة برمجة
audit-action-user_change_password = تغيير كلمة المرور
audit-action-user_create = إنشاء مستخدم
audit-action-user_deactivate = تعطيل مستخدم
audit-action-user_reactivate = إعادة تفعيل مستخدم
audit-action-user_locked = قفل حساب
audit-action-user_reset_credentials = إعادة تعيين بيانات الدخول
audit-action-user_second_factor_enabled = تفعيل العامل الثاني
audit-action-user_second_factor_enrolment_started = بدء تسجيل العامل الثاني
audit-action-user_set_language = تغيير اللغة أو المنطقة الزمنية
audit-action-user_set_office = تغيير المكتب الجمركي
audit-action-verify_serial_status = تغيير حالة رقم تسلسلي
audit-action-verify_serials_import = استيراد أرقام تسلسلية
audit-action-verify_service_registered = تسجيل خدمة تحقق
audit-action-verify_service_removed = إزالة خدمة تحقق
audit-action-webhook_create = إضافة خطاف ويب
audit-action-webhook_delete = حذف خطاف ويب

## audit.target

audit-target-access_request = طلب وصول
audit-target-alert = تنبيه
audit-target-api_token = رمز واجهة برمجة
audit-target-audit = سجل التدقيق
audit-target-brand = علامة تجارية
audit-target-case = ملف
audit-target-grant = إذن وصول
audit-target-hit = تطابق
audit-target-media = ملف مرفوع
audit-target-operation = عملية
audit-target-organisation = جهة
audit-target-product = منتج
audit-target-products = منتجات
audit-target-user = مستخدم
audit-target-webhook = خطاف ويب
audit-target-target = هدف
audit-target-detention = حجز
audit-target-planned_action = إجراء مخطط له
audit-target-serial = رقم تسلسلي
audit-target-party = طرف
audit-target-retention = الاحتفاظ بالبيانات

## audit.who

audit-console = سطر الأوامر
audit-regime = الإجراء القانوني
audit-alerts = مطابقة التنبيهات
audit-anonymous = دون تسجيل دخول
audit-system = النظام: { $worker }

## regime

# The built-in legal regimes' names; a regime a deployment configures keeps its own.
regime-eu_608_2013 = اللائحة (الاتحاد الأوروبي) رقم 608/2013

## التحقق من الأرقام التسلسلية (المسألة 18): قرينة للموظف، لا استنتاج قانوني
verify-title = التحقق من الرقم التسلسلي
verify-evidence = هذه قرينة تساعدك في الفحص، وليست استنتاجًا قانونيًا.
verify-checked_registry = جرى التحقق { $when } بمقارنته بالأرقام التسلسلية التي سجّلها صاحب الحق.
verify-checked_service = جرى التحقق { $when } عبر خدمة التحقق التابعة لصاحب الحق.
verify-heading_registered_active = مسجَّل وساري
verify-explain_registered_active = سجّل صاحب الحق هذا الرقم التسلسلي لهذا المنتج وهو ساري؛ والدفعة وتاريخ الانتهاء المقروءان مطابقان. هذا يدعم أصالة السلعة لكنه لا يثبتها.
verify-heading_unknown_serial = رقم تسلسلي غير معروف
verify-explain_unknown_serial = لم يسجّل صاحب الحق هذا الرقم التسلسلي لهذا المنتج، مع أنه يسجّل أرقام سلعه الأصلية: وهذه قرينة على أن السلعة قد تكون مقلَّدة. اسأل صاحب الحق.
verify-heading_batch_or_expiry_mismatch = الدفعة أو تاريخ الانتهاء غير مطابق
verify-explain_mismatch_batch = هذا الرقم التسلسلي مسجَّل، لكن الدفعة المقروءة على السلعة تختلف عن الدفعة التي سجّلها صاحب الحق معه: وهذه قرينة على سلعة مقلَّدة أو أعيد وسمها. اسأل صاحب الحق.
verify-explain_mismatch_expiry = هذا الرقم التسلسلي مسجَّل، لكن تاريخ الانتهاء المقروء على السلعة يختلف عن التاريخ الذي سجّله صاحب الحق معه: وهذه قرينة على سلعة مقلَّدة أو أعيد وسمها. اسأل صاحب الحق.
verify-explain_mismatch_both = هذا الرقم التسلسلي مسجَّل، لكن الدفعة وتاريخ الانتهاء المقروءين على السلعة يختلفان عمّا سجّله صاحب الحق معه: وهذه قرينة على سلعة مقلَّدة أو أعيد وسمها. اسأل صاحب الحق.
verify-heading_status_recalled = مسجَّل على أنه مسحوب
verify-explain_status_recalled = سجّل صاحب الحق هذا الرقم التسلسلي على أنه مسحوب: ينبغي ألا تكون سلعة تحمله في السوق بعد الآن. اسأل صاحب الحق.
verify-heading_status_destroyed = مسجَّل على أنه متلَف
verify-explain_status_destroyed = سجّل صاحب الحق هذا الرقم التسلسلي على أنه متلَف: ينبغي ألا تكون سلعة تحمله موجودة، فلعل الرمز قد نُسخ. اسأل صاحب الحق.
verify-heading_status_stolen = مسجَّل على أنه مسروق
verify-explain_status_stolen = سجّل صاحب الحق هذا الرقم التسلسلي على أنه مسروق: قد تكون هذه السلعة متأتية من سرقة. اسأل صاحب الحق.
verify-heading_status_exported = مسجَّل على أنه مصدَّر
verify-explain_status_exported = سجّل صاحب الحق هذا الرقم التسلسلي على أنه مصدَّر: كان يُفترض أن تغادر السلعة السوق الذي سُجّلت له. اسأل صاحب الحق.
verify-heading_status_sample = مسجَّل على أنه عيّنة
verify-explain_status_sample = سجّل صاحب الحق هذا الرقم التسلسلي على أنه عيّنة: لم تكن السلعة معدّة للبيع. اسأل صاحب الحق.
verify-heading_possible_clone = نسخة مستنسَخة محتملة
verify-explain_possible_clone = هذا الرقم التسلسلي مسجَّل وساري، لكن جرى التحقق منه { $scans ->
        [one] مرة واحدة
        [two] مرتين
        [few] { $scans } مرات
       *[other] { $scans } مرة
    } في { $countries ->
        [one] بلد واحد
        [two] بلدين
        [few] { $countries } بلدان
       *[other] { $countries } بلدًا
    } خلال { $hours } ساعة، وآخر مرة قبل هذه { $last }. السلعة الأصلية لا تكون إلا في مكان واحد في وقت واحد، فلعل الرمز قد نُسخ على سلع أخرى. اسأل صاحب الحق.
verify-heading_not_serialised = لا أرقام تسلسلية مسجَّلة
verify-explain_not_serialised = لم يسجّل صاحب الحق أي رقم تسلسلي لهذا المنتج، فلا يمكن التحقق من هذا الرقم هنا: وهذا لا يدل على شيء في أي اتجاه.
verify-heading_could_not_verify = تعذّر التحقق
verify-explain_could_not_verify = لم تقدّم خدمة التحقق التابعة لصاحب الحق نتيجة يمكن الوثوق بها، فتعذّر التحقق من هذا الرقم التسلسلي: وهذا لا يدل على شيء في أي اتجاه، ولا يعني أبدًا أن السلعة أصلية. اسأل صاحب الحق.
verify-reason_service_unreachable = تعذّر الوصول إلى خدمته.
verify-reason_service_timeout = لم تُجب خدمته في الوقت المحدد.
verify-reason_service_error = أجابت خدمته بخطأ.
verify-reason_bad_signature = لم يكن جوابها موقّعًا بمفتاح صاحب الحق، فرُفض.
verify-reason_bad_answer = تعذّرت قراءة جوابها.
verify-heading_not_checked = لم يُتحقق من الرقم التسلسلي
verify-explain_not_checked = فُتحت هذه البطاقة من رابط أو إشارة مرجعية أو من النسخة المحفوظة على هذا الهاتف، فلم يُتحقق من الرقم التسلسلي هذه المرة. أعد التعرّف على الرمز للتحقق منه.

## صفحة خدمة التحقق لمالك العلامة
verify-service-link = خدمة التحقق
verify-service-title = خدمة تحقق موصولة
verify-service-intro = بدلًا من رفع أرقامك التسلسلية، يمكنك الإجابة عن تحققات الموظفين من الأرقام التسلسلية لهذه العلامة من خدمة التحقق الخاصة بك. تُرسَل إليها عندئذ كل عملية تحقق من رمز يحمل رقمًا تسلسليًا؛ والجواب المتأخر أو غير الموقّع أو الموقّع توقيعًا خاطئًا يُعرض على الموظف على أنه «تعذّر التحقق»، ولا يُعرض أبدًا على أنه أصلي.
verify-service-protocol = يرسل Touchstone طلب POST فيه رقم GTIN والرقم التسلسلي والدفعة وتاريخ الانتهاء وبلد المكتب (ولا يذكر أبدًا من يتحقق)، موقّعًا كما تُوقَّع خطافات الويب: قيمة X-Touchstone-Signature هي sha256= يليها HMAC-SHA256 للطابع الزمني ونقطة والمتن بسرّك. أجب بالرمز 200 مع request_id الذي تلقيته وحالة (active أو unknown أو recalled أو destroyed أو stolen أو exported أو sample)، موقّعًا بالطريقة نفسها، في أقل من { $seconds } ثانية. لا يدير هذه الخدمة إلا مسؤولو مالك العلامة.
verify-service-secret_once = يُعرض سرّ خدمتك أدناه هذه المرة فقط: احفظه الآن في خدمة التحقق الخاصة بك. التسجيل من جديد يُنشئ سرًّا جديدًا.
verify-service-current = الخدمة المسجَّلة
verify-service-url = عنوان الخدمة
verify-service-since = سُجّلت أو استُبدلت آخر مرة { $when }.
verify-service-failures = تحققات لم تُعطِ فيها نتيجة، آخر 7 أيام
verify-service-no_failures = لا شيء: تلقّت كل عملية تحقق جوابًا موقّعًا في الوقت المحدد.
verify-service-reason = السبب
verify-service-checks = التحققات
verify-service-last = الأخير
verify-service-remove = إزالة الخدمة
verify-service-none = لا توجد خدمة مسجَّلة: تستخدم التحققات الأرقام التسلسلية التي رفعتها.
verify-service-register_title = تسجيل خدمة
verify-service-replace_title = استبدال الخدمة
verify-service-register = تسجيل
verify-service-replace = استبدال، مع سرّ جديد
