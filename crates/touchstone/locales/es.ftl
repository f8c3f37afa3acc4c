# Mensajes en español (sintaxis Fluent: https://projectfluent.org/). Mismos identificadores y
# mismas variables que en.ftl; una prueba lo comprueba.

## nav

nav-label = Menú principal
nav-home = Inicio
nav-organisations = Organizaciones
nav-users = Usuarios
nav-audit = Registro de auditoría
nav-account = Mi cuenta
nav-sign_out = Cerrar sesión
nav-inbox = Bandeja de entrada
nav-unread = sin leer
nav-notifications = Webhooks
nav-api = API
nav-menu = Menú
nav-skip = Ir al contenido

## footer

footer-tagline = Touchstone — distinguir juntos lo auténtico de las falsificaciones.

## error

error-picture_in_use = Un indicio de la guía muestra esta imagen: elimine primero ese indicio.
errorpage-title = Algo no va bien
errorpage-back_home = Volver a la página de inicio
error-invalid_credentials = El correo electrónico o la contraseña no son correctos. Tras varios intentos fallidos, la cuenta se bloquea durante un tiempo; vuelva a intentarlo después o consulte a su administrador.
error-second_factor_locked = Demasiados códigos erróneos: este inicio de sesión ha terminado y la cuenta queda bloqueada durante un tiempo; vuelva a iniciar sesión más tarde o pida a un administrador que la restablezca.
error-csrf_failed = Este formulario ha caducado o no procede de Touchstone; vuelva a cargar la página e inténtelo de nuevo.
error-invalid_form = El formulario no estaba completo; vuelva a cargar la página y rellénelo de nuevo.
error-page_not_found = No hay ninguna página en esta dirección.
error-internal = Algo ha fallado por nuestra parte. Ha quedado registrado; vuelva a intentarlo.
error-unauthenticated = Inicie sesión o envíe un token válido en la cabecera Authorization.
error-unknown_field = El JSON nombra un campo que esta petición no admite; compruebe los nombres de los campos en la referencia de la API.
error-corrupt_file = El archivo está dañado o incompleto; guárdelo o expórtelo de nuevo y vuelva a enviarlo.
error-duplicate_gtin = Este GTIN aparece en más de una fila del archivo; déjelo en un solo producto.
error-empty_file = El archivo está vacío; elija de nuevo el archivo y vuelva a enviarlo.
error-gs1_prefix_taken = Uno de estos prefijos de empresa GS1 ya está registrado para otra marca.
error-image_not_found = La imagen que nombra esta fila no está en la carpeta de la importación; compruebe su nombre y su ruta.
error-image_unreadable = La imagen que nombra esta fila no se puede leer; guárdela de nuevo como JPEG, PNG o WebP.
error-invalid_data_uri = La imagen se da como una URI data: que no se puede leer; dela en base64 después de ';base64,'.
error-invalid_domain = Esto no es un dominio web; escríbalo como ejemplo.es.
error-invalid_flag = Escriba sí o no (yes/no, true/false) en esta columna.
error-invalid_gs1_prefix = Un prefijo de empresa GS1 tiene de 6 a 12 dígitos; compruebe el prefijo.
error-invalid_gs1_value = Este valor no es válido para su identificador de aplicación GS1; cópielo tal como está impreso tras su IA.
error-invalid_iban = Esto no es un IBAN válido; compruebe el código de país y los dígitos.
error-invalid_image_entry = Escriba cada imagen como etiqueta:archivo, separadas por |, por ejemplo genuine:pictures/tote.png.
error-invalid_image_label = La etiqueta de una imagen es genuine, counterfeit, packaging o security_feature.
error-invalid_imo_number = Esto no es un número OMI de buque; escriba IMO y sus siete dígitos.
error-invalid_json = Esta línea no es JSON válido; compruebe sus comillas, comas y llaves.
error-invalid_row = Esta fila no se puede importar; corrija el campo que nombra el informe.
error-malformed_row = Esta fila no se puede leer; compruebe sus comillas y separadores.
error-not_your_brand = Esta marca pertenece a otra organización; importe solo productos de sus propias marcas.
error-path_not_allowed = Aquí las imágenes vienen de la carpeta de la importación; use una ruta dentro de ella o envíe la imagen.
error-path_outside_import_dir = Esta ruta sale de la carpeta de la importación; nombre un archivo dentro de ella.
error-too_many_pixels = Esta imagen tiene demasiados píxeles para leerla; envíe una foto normal.
error-unreadable_line = Esta línea no se puede leer como texto; guarde el archivo en UTF-8.
error-wrong_column_count = Esta fila tiene más o menos celdas que la cabecera; compruebe sus separadores.
error-forbidden = Su organización y su rol no permiten esta acción.
error-not_found = Este elemento no existe o usted no tiene permiso para verlo.
error-invalid_email = Esto no es una dirección de correo electrónico; escríbala con la forma name@example.org.
error-invalid_country = Esto no es un código de país ISO 3166-1 alfa-2; utilice dos letras, como FR, DE o US.
error-password_too_short = Elija una contraseña de al menos 12 caracteres; unas cuantas palabras sin relación entre sí funcionan bien.
error-password_too_common = Esta contraseña figura entre las más utilizadas; elija otra.
error-invalid_second_factor = Ese código no es correcto; introduzca los 6 dígitos que muestra ahora su aplicación de autenticación.
error-account_deactivated = Esta cuenta ha sido desactivada; consulte al administrador de su organización.
error-required = Rellene este campo.
error-role_not_allowed = Solo los administradores de la plataforma crean administradores de la plataforma, y únicamente en la organización operadora.
error-invalid_email_domain = Esto no es un dominio de correo electrónico; escríbalo tal como aparece después de la @, p. ej., douane.gouv.fr.
error-email_domain_taken = Este dominio de correo electrónico pertenece a otra organización, u otra organización tiene cuentas en él; una cuenta en un dominio verificado debe pertenecer a la organización de ese dominio.
error-email_outside_domains = Las cuentas de su organización solo pueden crearse en sus dominios de correo electrónico verificados; para otro dominio, pida al administrador de la plataforma que lo verifique.
error-email_domain_of_another_organisation = Esta dirección pertenece a un dominio verificado como propio de otra organización; una cuenta en ese dominio pertenece a esa organización.
error-unknown_organisation = Elija una organización a la que pueda añadir usuarios.
error-version_conflict = Alguien lo ha modificado entretanto; vuelva a cargar la página, revise los cambios e inténtelo de nuevo.
error-invalid_transition = Este paso no es posible en el estado actual del expediente; los botones de la página muestran los pasos permitidos ahora.
error-answers_pending = La destrucción requiere el acuerdo de las partes o el vencimiento de sus plazos; aún no se han recibido todas las respuestas.
error-nothing_to_answer = No tiene ninguna pregunta pendiente en este expediente.
error-already_answered = Esta pregunta ha sido respondida entretanto; vuelva a cargar el expediente.
error-not_awaiting_answers = Este expediente ya no admite respuestas.
error-no_extension = No es posible ninguna prórroga: ya se utilizó, el plazo ha vencido, las mercancías son perecederas o el régimen no la prevé.
error-invalid_quantity = Cada cantidad debe ser un número positivo.
error-brand_required = Indique la marca de cada línea: un producto o una marca del catálogo, o la marca tal como figura en las mercancías.
error-idempotency_key_reused = Este formulario ya se utilizó para registrar un expediente; revise el formulario y envíelo de nuevo para registrar otro.
error-thread_required = Este expediente menciona a varios titulares del derecho; elija en qué hilo desea escribir.
error-nothing_to_match = Indique al menos una marca, un producto, una parte sospechosa, un contenedor, un documento de transporte o un código HS, para que se puedan cotejar los expedientes.
error-answer_required = Elija una respuesta.
error-invalid_container_number = Este número de contenedor no es válido: 4 letras, 6 dígitos y el dígito de control ISO 6346, p. ej., MSKU 907032-3.
error-invalid_air_waybill = Este número de guía aérea no es válido: 11 dígitos con su dígito de control, p. ej., 020-12345675.
error-invalid_date = Indique la fecha con el formato AAAA-MM-DD.
error-invalid_period = La alerta debe terminar el mismo día en que empieza o después.
error-webhook_address_not_public = Esta dirección está en una red local o privada; indique la dirección que su sistema receptor tiene en internet.
error-invalid_time_zone = Esto no es una zona horaria; elija una de la lista, como Europe/Paris.
error-office_too_long = Un código de oficina tiene como máximo { $code_max } caracteres y un nombre de oficina como máximo { $name_max }.
error-invalid_language = Elija uno de los idiomas que ofrece el menú.
error-already_acknowledged = Ya se ha tomado nota de esta coincidencia.
error-answer_not_allowed = Esta parte no puede dar esa respuesta; elija una de las respuestas que ofrece la página del expediente.
error-brand_not_published = Publique primero la marca: los agentes encuentran los productos a través de su marca.
error-case_not_editable = Este expediente ya no se puede modificar en su estado actual.
error-case_type_fixed = El tipo de expediente queda fijado una vez retenidas las mercancías.
error-contact_unreachable = Indique un número de teléfono o una dirección de correo electrónico para el punto de contacto: es la vía por la que el otro organismo se comunica con él.
error-contradictory_markets = Un país no puede ser a la vez un mercado en el que el producto solo se vende y otro en el que nunca se vende.
error-email_taken = Ya existe un usuario con el correo electrónico { $email }.
error-empty_body = Envíe el archivo que desea importar como cuerpo de la solicitud.
error-file_too_large = Este archivo supera el tamaño que admite el servidor; envíe uno más pequeño.
error-grant_revoked = Esta autorización se ha revocado; conceda una nueva en su lugar.
error-gtin_taken = Uno de estos GTIN ya pertenece a otro producto.
error-invalid_action = Elija un paso que el expediente permita.
error-invalid_attachment = Adjunte solo archivos subidos a Touchstone (20 como máximo).
error-invalid_bill_of_lading = Esto no es un número de conocimiento de embarque; escríbalo tal como figura impreso, con letras y dígitos.
error-invalid_body = La solicitud no tiene la forma esperada; compruébela con la referencia de la API.
error-invalid_characters = Elimine los caracteres de control (tabulaciones, saltos de línea).
error-invalid_company = Indique el nombre de la empresa.
error-invalid_count = Envíe de 1 a 5000 objetivos a la vez.
error-invalid_currency = Indique la moneda con un código ISO 4217, como EUR o USD.
error-invalid_event_kind = Elija el tipo de acción prevista.
error-invalid_expiry = Esto no es una fecha de caducidad; escríbala con el formato AAMMDD o AAAA-MM-DD.
error-invalid_gtin = Esto no es un GTIN: 8, 12, 13 o 14 dígitos con un dígito de control válido.
error-invalid_hs_code = Esto no es un capítulo HS (2 dígitos), una partida (4) ni una subpartida (6).
error-invalid_idempotency_key = La cabecera Idempotency-Key solo puede contener caracteres ASCII visibles.
error-invalid_key = Esta clave no se puede utilizar; use de 1 a 80 letras minúsculas, dígitos, «-», «_» o «.».
error-invalid_label = Elija una de las etiquetas que ofrece el formulario.
error-invalid_latitude = La latitud debe estar entre -90 y 90.
error-invalid_longitude = La longitud debe estar entre -180 y 180.
error-invalid_media_reference = Haga referencia a un archivo almacenado mediante su hash de 64 caracteres.
error-invalid_mode = Elija uno de los modos que ofrece el formulario.
error-invalid_nice_class = La clase de Niza { $class } no existe; las clases van de la 1 a la 45.
error-invalid_number = Esto no es un número.
error-invalid_organisation_kind = Elija uno de los tipos de organización que ofrece el formulario.
error-invalid_outcome = Indique si siguen adelante, se retiran o trabajan juntos.
error-invalid_path = La dirección no es válida; compruébela e inténtelo de nuevo.
error-invalid_phone = Esto no es un número de teléfono; escríbalo con el prefijo del país, como +33 1 23 45 67 89.
error-invalid_photo = Adjunte solo fotos subidas a Touchstone (50 como máximo).
error-invalid_plate = Esto no es una matrícula de vehículo.
error-invalid_price = Los precios son números positivos.
error-invalid_procedure = Elija importación, exportación o tránsito.
error-invalid_query = Los parámetros de consulta de la dirección no son válidos; compruébelos con la referencia de la API.
error-invalid_radius = El radio debe estar entre 1 y 10.000 metros; cubra una zona más amplia con varias acciones.
error-invalid_reference = Esto no es una referencia que Touchstone conozca; compruebe cómo está escrita.
error-invalid_role = Elija uno de los roles que ofrece el formulario.
error-invalid_sector = Elija uno de los sectores que ofrece el formulario.
error-invalid_side = Indique si este indicio corresponde a un producto auténtico o a una falsificación.
error-invalid_state = Elija uno de los estados de expediente que ofrece la lista.
error-invalid_status = Elija uno de los estados que se ofrecen.
error-invalid_target_kind = Elija qué tipo de identificador es.
error-invalid_text = Este texto es demasiado largo o contiene caracteres que no son texto; acórtelo.
error-invalid_time = Esto no es una fecha y hora; escríbala con el formato 2026-12-01T06:00:00Z o utilice el campo de fecha.
error-invalid_token_lifetime = Un token tiene una validez de entre 1 y 365 días.
error-invalid_transport_mode = Elija un modo de transporte.
error-invalid_value = Un valor declarado debe ser cero o superior.
error-invalid_verification_url = Esto no es una dirección en la que se pueda contactar con un servicio de verificación: utilice una dirección https:// pública, con un host y sin credenciales.
error-invalid_webhook_url = Esto no es una dirección a la que se puedan enviar webhooks: utilice una dirección https:// pública.
error-invalid_weight = El peso de un indicio va de 1 (un simple indicio) a 5 (concluyente).
error-invalid_window = Una acción prevista termina después de empezar y dura 30 días como máximo.
error-key_taken = La clave «{ $key }» ya está en uso; elija otra.
error-line_too_long = La línea { $line } es demasiado larga; ponga un solo número de serie por línea.
error-malformed_csv = No se puede leer la primera línea del archivo CSV, la que contiene los nombres de las columnas.
error-malformed_json = La solicitud no es un JSON válido.
error-method_not_allowed = Este punto de acceso no admite ese método; consulte /api/v1/openapi.json.
error-missing_column = Al archivo CSV le falta la columna «{ $column }».
error-missing_columns = Al archivo CSV le faltan columnas necesarias; su primera línea contiene los nombres de las columnas.
error-no_enrolment = Inicie primero el registro del segundo factor.
error-no_small_consignment_procedure = El marco jurídico de esta oficina no prevé un procedimiento para envíos pequeños; registre un expediente ordinario.
error-no_such_endpoint = Ese punto de acceso no existe; consulte /api/v1/openapi.json.
error-not_a_representative = Las marcas solo pueden delegarse en organizaciones representantes.
error-not_a_rights_holder = Las marcas pertenecen a organizaciones titulares del derecho.
error-not_an_agency = Los expedientes se comparten con otro organismo de control (policía u otra autoridad de control).
error-not_customs = El acceso lo concede una administración de aduanas.
error-office_country_fixed = El país de la oficina determina el marco jurídico y no puede cambiarse; registre un nuevo expediente.
error-organisation_exists = Ya existe una organización llamada «{ $name }»; elija otro nombre.
error-out_of_range = Este número está fuera del intervalo permitido aquí.
error-outcome_required = Elija la decisión: destrucción, procedimiento judicial o levante.
error-owner_only = Solo el propio titular del derecho elige quién ve sus secciones confidenciales.
error-password_too_long = Elija una contraseña de menos de 1024 bytes.
error-payload_too_large = La solicitud supera el tamaño que admite este servidor; envíe menos datos a la vez.
error-period_too_long = Una alerta tiene una validez máxima de tres años; publique una nueva después.
error-processing_timeout = La lectura de esta foto ha tardado demasiado; envíe una foto más pequeña del código de barras.
error-rate_limited = Demasiadas solicitudes; espere un momento e inténtelo de nuevo.
error-request_closed = Esta solicitud está cerrada o procede de otro organismo.
error-serial_or_batch = Indique o bien un número de serie, o bien un lote cuyo estado cambia.
error-too_large = Esto es demasiado grande; envíe algo más pequeño.
error-too_long = Esto es demasiado largo; acórtelo.
error-too_many = Esta lista es demasiado larga; elimine algunas entradas.
error-too_many_sign_in_attempts = Demasiados intentos de inicio de sesión desde su dirección; espere { $seconds } segundos e inténtelo de nuevo.
error-unknown_batch = No hay ningún número de serie de este lote registrado para este producto.
error-unknown_brand = Ninguna marca publicada tiene este número.
error-unknown_column = El archivo CSV tiene una columna que Touchstone no reconoce: «{ $column }».
error-unknown_entry = Esta entrada ya no figura en el borrador; vuelva a cargar la página.
error-unknown_hs_code = Este capítulo HS no existe; los capítulos van del 01 al 97 (el 77 está reservado).
error-unknown_indicator = Este indicio ya no figura en la guía; vuelva a cargar la página.
error-unknown_media = Esta imagen ya no figura en la galería; vuelva a cargar la página.
error-unknown_product = Esto no es un número de producto.
error-unknown_serial = No hay ningún número de serie como este registrado para este producto.
error-unknown_thread = Este expediente no tiene ningún hilo con esa organización: no menciona ninguna de sus marcas.
error-unreadable = No se ha podido leer el archivo hasta el final; envíelo de nuevo.
error-unsupported_media_type = Envíe contenido text/csv o application/x-ndjson, o indique ?format=csv o ?format=jsonl.
error-unsupported_type = Este tipo de archivo no se admite aquí; el formulario indica cuáles se admiten.

## signin

signin-title = Iniciar sesión
signin-intro = Touchstone está destinado a los agentes de las autoridades de control y a los titulares del derecho. Inicie sesión con la cuenta que le facilitó su organización.
signin-email = Correo electrónico
signin-password = Contraseña
signin-submit = Iniciar sesión

## second_factor

second_factor-title = Segundo factor
second_factor-intro = Introduzca el código de 6 dígitos que su aplicación de autenticación muestra para Touchstone.
second_factor-code = Código
second_factor-submit = Verificar

## home

home-title = Inicio
home-welcome = Le damos la bienvenida, { $name }
home-organisation = Organización
home-role = Rol
home-next = ¿Qué desea hacer?
home-manage_account = Gestionar mi cuenta, mi idioma y mis tokens de API
home-manage_users = Gestionar los usuarios de mi organización
home-read_audit = Consultar el registro de auditoría
home-api = Consultar la referencia de la API

## account

account-title = Mi cuenta
account-must_enrol = Su organización exige un segundo factor: configúrelo a continuación antes de continuar.
account-language = Idioma
account-save = Guardar
account-password = Contraseña
account-current_password = Contraseña actual
account-new_password = Nueva contraseña
account-password_rules = Al menos 12 caracteres, y que no sea una contraseña de uso común.
account-change_password = Cambiar la contraseña
account-second_factor = Segundo factor (aplicación de autenticación)
account-enrol_instructions = Añada esta clave a su aplicación de autenticación (o importe el enlace que figura a continuación) e introduzca el código que muestre.
account-confirm_second_factor = Activar el segundo factor
account-second_factor_on = Su cuenta tiene activado un segundo factor.
account-second_factor_off = No hay ningún segundo factor configurado.
account-start_second_factor = Configurar una nueva aplicación de autenticación
account-tokens = Tokens de API
account-token_created = Su nuevo token figura a continuación. Cópielo ahora: no volverá a mostrarse.
account-token_name = Nombre del token
account-token_days = Validez (días)
account-create_token = Crear token
account-token_prefix = Empieza por
account-token_expires = Caduca
account-revoke = Revocar
account-inactive = Revocado o caducado
account-office = Mi oficina de aduanas
account-office_hint = El formulario de retención empieza con esta oficina. Déjelo vacío si trabaja en varias oficinas.
account-save_office = Guardar mi oficina

## account.done

account-done-password = Su contraseña se ha cambiado y sus demás sesiones se han cerrado (sus tokens de API figuran a continuación: revoque los que ya no le merezcan confianza).
account-done-language = Se ha guardado su idioma.
account-done-office = Se ha guardado su oficina.
account-done-token_revoked = El token se ha revocado.
account-done-second_factor = El segundo factor ya está activado.
account-time_zone = Zona horaria
account-time_zone_default = La zona de mi país ({ $zone })

## orgs

orgs-title = Organizaciones
orgs-name = Nombre
orgs-kind = Tipo
orgs-country = País
orgs-create = Crear organización
orgs-country_help = Dos letras, ISO 3166-1 (FR, DE, US…).
orgs-email_domains = Dominios de correo electrónico
orgs-set_email_domains = Guardar
orgs-email_domains_help = Los dominios de las direcciones propias de la organización, separados por comas (douane.gouv.fr). Sus administradores solo crean cuentas en esos dominios.

## users

users-title = Usuarios
users-issued = Contraseña inicial de { $email }. Entréguesela por un canal distinto; solo se muestra una vez:
users-email = Correo electrónico
users-name = Nombre
users-organisation = Organización
users-role = Rol
users-status = Estado
users-deactivated = Desactivado
users-locked = Bloqueado
users-active = Activo
users-deactivate = Desactivar
users-reactivate = Reactivar
users-reset = Restablecer la contraseña y el segundo factor
users-reset_ended = Se ha borrado su segundo factor, se han cerrado todas sus sesiones y se han revocado todos sus tokens de API: las integraciones que usaban alguno necesitan un token nuevo.
users-create = Crear usuario

## audit

audit-title = Registro de auditoría
audit-intro = Cada inicio de sesión, modificación y consulta sensible, de la más reciente a la más antigua. Cada entrada está encadenada a la anterior, de modo que se pueden detectar las alteraciones.
audit-when = Cuándo
audit-who = Quién
audit-action = Acción
audit-target = Objeto
audit-detail = Detalles
audit-older = Entradas anteriores

## api

api-title = Referencia de la API
api-intro = La descripción legible por máquina (OpenAPI 3.1) se encuentra en
api-auth = Autentíquese con un token de portador creado en Mi cuenta: Authorization: Bearer ts_…
api-method = Método
api-path = Ruta
api-summary = Qué hace
api-reference_in_english = Los resúmenes siguientes proceden del documento OpenAPI, redactado en inglés.

## role

role-officer = Agente
role-analyst = Analista
role-coordinator = Coordinador
role-org_admin = Administrador de la organización
role-platform_admin = Administrador de la plataforma

## kind

kind-customs = Administración de aduanas
kind-police = Policía
kind-other_enforcement = Otra autoridad de control
kind-rights_holder = Titular del derecho
kind-representative = Representante
kind-operator = Operador de la plataforma

## language

language-en = Inglés
language-fr = Francés
language-es = Español
language-ar = Árabe

## catalog

catalog-nav = Catálogo
catalog-home_card = Consultar las marcas y sus productos auténticos
catalog-title = Catálogo
catalog-intro_enforcement = Marcas cuyos titulares publican cómo son sus productos auténticos. Abra una marca y después un producto para compararlo con lo que está inspeccionando.
catalog-intro_own = Las marcas que usted gestiona. Los agentes solo ven lo que usted publica.
catalog-search = Buscar
catalog-search_label = Nombre de la marca
catalog-search_hint = Parte del nombre; no importan los acentos ni las mayúsculas.
catalog-sector = Sector
catalog-sector_title = El sector { $sector }
catalog-sector_size = Fichas de producto publicadas en este sector: { $cards } (marcas: { $brands }).
catalog-sector_too_many = Este sector tiene más fichas de las que un teléfono puede guardar: guarde sus marcas una a una, desde su página.
catalog-sector_brands_link = Las marcas de este sector
catalog-sector_cards_link = Todas las fichas de este sector, para guardarlas en este teléfono
catalog-all_sectors = Todos los sectores
catalog-clear = Borrar la búsqueda
catalog-no_match = Ninguna marca coincide con su búsqueda.
catalog-empty = Todavía no hay marcas que mostrar.
catalog-product_count = Productos: { $count }
catalog-draft = Borrador
catalog-published = Publicado
catalog-unpublished_changes = Cambios sin publicar
catalog-pages = Páginas
catalog-previous = Página anterior
catalog-next = Página siguiente
catalog-page = Página { $page }
catalog-all_brands = Todas las marcas
catalog-aliases = Otras grafías
catalog-trademarks = Marcas registradas
catalog-tm_office = Oficina
catalog-tm_number = Número
catalog-tm_classes = Clases de Niza
catalog-tm_expires = Vencimiento
catalog-no_trademarks = Todavía no se ha indicado ningún registro de marca.
catalog-contacts = Contactos
catalog-reach_title = A quién llamar
catalog-call = Llamar
catalog-write = Escribir un correo
catalog-all_contacts = Todos los contactos
catalog-your_photo = Su foto
catalog-your_photo_alt = La foto tomada en la página Identificar
catalog-your_photo_dismiss = Ocultar mi foto
catalog-contacts_intro = Llame o escriba a estas personas para confirmar una sospecha; el contacto de su país figura en primer lugar.
catalog-everywhere = Todos los países
catalog-contact_for = Para
catalog-languages = Idiomas
catalog-hours = Horario
catalog-phone = Teléfono
catalog-email = Correo electrónico
catalog-no_contacts = Todavía no se ha indicado ningún contacto.
catalog-products = Productos
catalog-category = Categoría
catalog-no_products = Todavía no hay productos que mostrar.
catalog-own_note = Está viendo su copia de trabajo. Los agentes solo ven la versión publicada.
catalog-publish_brand = Publicar la marca
catalog-publish_product = Publicar
catalog-publish_hint = Al publicar, el borrador actual pasa a ser lo que ven los agentes.
catalog-published_done = Publicado: los agentes ven ahora esta versión.
catalog-preview = Vista previa tal como la ve un agente
catalog-preview_note = Este es su borrador actual, incluidas las secciones confidenciales. Los agentes ven la versión publicada, y sus secciones confidenciales solo si forman parte de los destinatarios que usted eligió.
catalog-not_published = Aún no publicado: los agentes no ven este producto.
catalog-published_at = Publicado el { $date }
catalog-brand = Marca
catalog-identification = Identificación
catalog-gtins = GTIN (códigos de barras)
catalog-model_numbers = Números de modelo
catalog-hs_code = Código HS
catalog-packaging = Embalaje
catalog-description = Descripción
catalog-markets = Mercados
catalog-only_sold_in = Solo se vende en
catalog-never_sold_in = Nunca se vende en — las mercancías declaradas para estos mercados son sospechosas
catalog-pictures = Imágenes
catalog-no_pictures = Todavía no hay imágenes.
catalog-genuine_pictures = Auténtico
catalog-counterfeit_pictures = Falsificación
catalog-other_pictures = Embalaje y elementos de seguridad
catalog-guide = Guía de autenticación
catalog-guide_intro = Marque lo que observe en las mercancías. Cuantos más puntos, más claro es el indicio.
catalog-genuine_signs = Indicios de un producto auténtico
catalog-counterfeit_signs = Indicios de una falsificación
catalog-weight = Peso { $weight } de 5
catalog-full_size = tamaño completo
catalog-tally_title = Lo que ha marcado
catalog-tally_empty = Marque los indicios que observe en las mercancías: sus pesos se suman aquí.
catalog-tally_counts = Indicios de autenticidad marcados: { $genuine } de { $genuine_total } puntos. Indicios de falsificación marcados: { $counterfeit } de { $counterfeit_total } puntos.
catalog-lean_counterfeit_strong = Lo que ha marcado apunta claramente a una falsificación.
catalog-lean_counterfeit = Lo que ha marcado apunta a una falsificación.
catalog-lean_even = Lo que ha marcado no se inclina hacia ningún lado.
catalog-lean_genuine = Lo que ha marcado apunta a mercancías auténticas.
catalog-lean_genuine_strong = Lo que ha marcado apunta claramente a mercancías auténticas.
catalog-tally_caution = Es un recuento de sus observaciones, no un veredicto: solo el examen del titular del derecho puede confirmar si las mercancías son falsificaciones.
catalog-no_guide = El titular del derecho aún no ha redactado una guía.
catalog-security_features = Elementos de seguridad
catalog-how_to_check = Cómo comprobarlo
catalog-supply_chain = Cadena de suministro
catalog-made_in = Fabricado en
catalog-parties = Intervinientes conocidos
catalog-party_role = Función
catalog-party_name = Nombre
catalog-party_identifier = Identificador
catalog-party_country = País
catalog-party_market = Mercado
catalog-routes = Rutas habituales
catalog-route_from = Desde
catalog-route_to = Hasta
catalog-route_mode = Transporte
catalog-prices = Precios
catalog-retail = Precio de venta al público
catalog-retail_range = De { $min } a { $max } { $currency }
catalog-declared = Valor declarado habitual
catalog-withheld = El titular del derecho solo comparte estas partes con determinadas autoridades: { $sections }; consulte a los contactos que figuran a continuación.

## catalog.party

catalog-party-manufacturer = Fabricante
catalog-party-importer = Importador
catalog-party-exporter = Exportador
catalog-party-distributor = Distribuidor

## catalog.transport

catalog-transport-sea = Marítimo
catalog-transport-air = Aéreo
catalog-transport-road = Por carretera
catalog-transport-rail = Ferroviario
catalog-transport-postal = Postal
catalog-transport-express_courier = Mensajería urgente

## sector

sector-apparel = Prendas de vestir
sector-luxury = Artículos de lujo
sector-pharmaceuticals = Medicamentos
sector-spare_parts = Piezas de repuesto
sector-electronics = Electrónica
sector-cosmetics = Cosméticos
sector-tobacco = Tabaco
sector-toys = Juguetes
sector-beverages = Bebidas
sector-other = Otros

## section

section-supply_chain = cadena de suministro
section-security_features = elementos de seguridad
section-prices = precios

## image_label

image_label-genuine = Auténtico
image_label-counterfeit = Falsificación
image_label-packaging = Embalaje
image_label-security_feature = Elemento de seguridad

## side

side-genuine = Auténtico
side-counterfeit = Falsificación

## notify

notify-title = Bandeja de entrada
notify-intro = Lo que su organización debe saber: retenciones de mercancías que llevan sus marcas, respuestas, plazos y coincidencias con alertas. Todos los miembros de su organización ven las mismas notificaciones; lo que usted marca como leído solo cuenta para usted.
notify-filter = Mostrar
notify-unread_only = Solo sin leer
notify-show_all = Mostrar todo
notify-mark_all_read = Marcar todo como leído
notify-mark_read = Marcar como leída
notify-open = Abrir
notify-new = Nuevo
notify-empty = Todavía no hay notificaciones.
notify-none_unread = No hay nada sin leer.
notify-email_title = Correo electrónico
notify-email_on = También recibe cada notificación por correo electrónico.
notify-email_off = No recibe las notificaciones por correo electrónico; siguen llegando aquí.
notify-email_turn_off = Dejar de recibir correos
notify-email_turn_on = Enviarme correos

## notify.admin

notify-admin-title = Notificaciones: webhooks y envíos
notify-admin-no_smtp = No hay ningún servidor de correo configurado: las notificaciones por correo electrónico quedan en espera y se enviarán en cuanto se configure uno.
notify-admin-webhooks = Webhooks
notify-admin-webhooks_intro = Cada notificación de su organización se envía también en JSON (POST) a estas direcciones, firmada con HMAC-SHA256 (cabecera X-Touchstone-Signature calculada sobre la cabecera X-Touchstone-Timestamp, un punto y el cuerpo), y se reintenta hasta que su sistema responda 2xx. X-Touchstone-Event-Id identifica el evento: una repetición con el mismo identificador es un reintento.
notify-admin-url = Dirección (https://…)
notify-admin-description = Descripción
notify-admin-created = Creado
notify-admin-add = Añadir el webhook
notify-admin-delete = Eliminar
notify-admin-secret_once = El webhook está registrado. Su secreto de firma solo se muestra ahora: guárdelo en el sistema receptor.
notify-admin-no_webhooks = Todavía no hay ningún webhook.
notify-admin-deliveries = Envíos pendientes
notify-admin-deliveries_intro = Correos electrónicos y webhooks aún no entregados tras al menos un intento. Se reintentan, cada vez con menos frecuencia, hasta que se entregan.
notify-admin-no_deliveries = No hay nada pendiente: todos los envíos se han entregado.
notify-admin-event = Evento
notify-admin-channel = Canal
notify-admin-destination = Destinatario
notify-admin-attempts = Intentos
notify-admin-last_error = Último error
notify-admin-next_attempt = Próximo intento
notify-admin-failing = con errores

## cases

cases-nav = Expedientes
cases-title = Expedientes
cases-record = Registrar una retención
cases-record_from_product = Registrar una retención de este producto
cases-state_label = Estado
cases-all_states = Todos los estados
cases-filter = Mostrar
cases-empty = No hay expedientes que mostrar.
cases-next_deadline = Próximo vencimiento de plazo: { $date }
cases-new_title = Registrar una retención
cases-office = Oficina de aduanas
cases-office_code = Código de la oficina
cases-office_name = Nombre de la oficina
cases-office_country = País de la oficina (2 letras)
cases-office_from_profile = Su oficina, tomada de la página de su cuenta (cámbiela allí).
cases-office_not_in_profile = Indique su oficina en la página de su cuenta y aparecerá aquí.
cases-occurred_at = Fecha de la retención
cases-procedure_title = Expediente y régimen
cases-case_type_label = Tipo de expediente
cases-procedure = Régimen aduanero
cases-transport_mode = Modo de transporte
cases-route = Ruta
cases-origin = Origen
cases-departure = Procedencia
cases-destination = Destino
cases-country_hint = Códigos de país de dos letras, como CN, FR o GB.
cases-transport = Documentos de transporte
cases-one_per_line = Uno por línea.
cases-containers = Números de contenedor
cases-air_waybills = Guías aéreas
cases-bills_of_lading = Conocimientos de embarque
cases-consignor = Expedidor
cases-consignee = Destinatario
cases-declarant = Declarante o titular de las mercancías
cases-party_name = Nombre
cases-party_address = Dirección
cases-party_country = País (2 letras)
cases-goods = Mercancías
cases-line = Línea { $n }
cases-catalog_product = Producto del catálogo
cases-description = Descripción
cases-quantity = Cantidad
cases-unit = Unidad
cases-hs_code = Código HS
cases-declared_value = Valor declarado
cases-currency = Moneda
cases-product_id = Número del producto en el catálogo
cases-brand = Marca (número en el catálogo, o tal como figura en las mercancías)
cases-goods_hint = Las líneas vacías se ignoran. Cada línea necesita un producto o una marca.
cases-add_line = Añadir una línea de mercancías
cases-default_unit = unidades
cases-notes = Notas
cases-notes_label = Notas para su administración (nunca se muestran a los titulares del derecho)
cases-detain_now = Retener y notificar al titular del derecho
cases-review = Revisar el formulario
cases-record_title = Registro
cases-save_draft = Guardar como borrador
cases-save_draft_hint = No se informa a nadie ajeno a su administración; podrá retener más tarde desde la página del expediente.
cases-confirm_detain = Las mercancías están retenidas: notificar ahora al titular del derecho y al declarante.
cases-confirm_detain_required = Marque primero la confirmación: la retención se notifica de inmediato al titular del derecho y al declarante.
cases-submit = Registrar el expediente
cases-case_title = Expediente { $reference }
cases-outcome_label = Resultado
cases-regime = Marco jurídico
cases-detained_at = Retención efectuada
cases-brands = Marcas
cases-alert_matches = Este expediente coincide con alertas
cases-deadlines = Plazos
cases-notice_overdue = La notificación al declarante está atrasada.
cases-answered = Respuesta
cases-starts_on_objection = Solo empieza a correr si el declarante se opone.
cases-due_by = Vence el { $date }
cases-overdue = Vencido
cases-due_office = { $date } ({ $office } en la oficina)
cases-form_problems = { $count ->
        [one] Hay un punto que corregir antes de guardar la retención:
       *[other] Hay { $count } puntos que corregir antes de guardar la retención:
    }
cases-last_day = Hoy es el último día hábil
cases-days_left = { $days ->
        [one] Queda un día hábil
       *[other] Quedan { $days } días hábiles
    }
cases-deemed = { $answer } (presunta, por silencio)
cases-silence_means = El silencio al vencer el plazo equivale a
cases-record_declarant_answer = Registrar la respuesta del declarante
cases-your_answer = Su respuesta
cases-note = Nota
cases-send_answer = Enviar la respuesta
cases-ask_extension = Solicitar una prórroga
cases-next_steps = Próximos pasos
cases-close_note = Qué se hizo (p. ej., mercancías destruidas)
cases-not_disclosed = No comunicado.
cases-photo = Foto de las mercancías retenidas
cases-photos_title = Fotos de las mercancías
cases-photos_label = Tomar o elegir fotos
cases-photos_hint = Se reducen en el teléfono antes de enviarlas. El titular de los derechos las ve cuando el régimen jurídico le comunica las mercancías.
cases-photos_attached = Fotos ya adjuntas
cases-photos_preparing = Preparando las fotos…
cases-photos_ready = Fotos listas para enviar: { $count }
cases-parties = Partes
cases-thread = Mensajes
cases-threads = Hilos por titular del derecho
cases-no_messages = Todavía no hay mensajes.
cases-message = Su mensaje
cases-send_message = Enviar
cases-timeline = Cronología
cases-home_open = Expedientes abiertos: { $count }
cases-home_alerts = Alertas en vigor que le afectan
cases-home_no_alerts = Ninguna alerta en vigor le afecta.

## cases.action

cases-action-detain = Retener y notificar a las partes
cases-action-record_declarant_notice = Registrar que se notificó al declarante
cases-action-decide = Decidir
cases-action-close = Cerrar el expediente

## cases.done

cases-done-step = Hecho: el expediente ha avanzado.
cases-done-answer = Su respuesta ha quedado registrada.
cases-done-extension = Su plazo se ha prorrogado.
cases-done-message = Su mensaje se ha enviado.

## cases.state

cases-state-draft = Borrador
cases-state-detained = Mercancías retenidas
cases-state-answered = Con respuesta
cases-state-decided = Decidido
cases-state-closed = Cerrado

## cases.outcome

cases-outcome-destruction = Destrucción
cases-outcome-legal_proceedings = Procedimiento judicial
cases-outcome-released = Levante

## cases.case_type

cases-case_type-standard = Ordinario
cases-case_type-small_consignment = Envío pequeño
cases-case_type-perishable = Mercancías perecederas

## cases.procedures

cases-procedures-import = Importación
cases-procedures-export = Exportación
cases-procedures-transit = Tránsito

## cases.party

cases-party-rights_holder = Titular del derecho
cases-party-declarant = Declarante

## cases.answer

cases-answer-agree_destruction = Acepta la destrucción
cases-answer-object = Se opone a la destrucción
cases-answer-start_proceedings = Inicia un procedimiento judicial
cases-answer-not_infringing = Las mercancías no vulneran el derecho

## cases.silence

cases-silence-agree_destruction = aceptación de la destrucción
cases-silence-release = levante de las mercancías
cases-silence-none = nada por sí mismo

## cases.event

cases-event-created = Registrado
cases-event-detained = Retención efectuada, partes notificadas
cases-event-declarant_notified = Declarante notificado
cases-event-decided = Decidido
cases-event-closed = Cerrado
cases-event-answered = Respuesta
cases-event-deemed = Respuesta presunta (silencio)
cases-event-obligation_started = Plazo iniciado
cases-event-extended = Plazo prorrogado
cases-event-alert_match = Coincidencia con una alerta
cases-event-edited = Modificado
cases-event-shared = Compartido
cases-event-share_withdrawn = Se dejó de compartir

## alerts

alerts-on_card = Alertas en vigor sobre este producto
alerts-nav = Alertas
alerts-title = Alertas
alerts-intro = Avisos sobre envíos sospechosos, emitidos por los titulares del derecho y por las autoridades de control. Los expedientes nuevos y modificados se cotejan con las alertas en vigor.
alerts-new = Publicar una alerta
alerts-in_force = En vigor
alerts-none_in_force = Ninguna alerta en vigor.
alerts-others = Retiradas o caducadas
alerts-what = La alerta
alerts-alert_title = Título
alerts-description = Descripción
alerts-targets = A quién y a qué se dirige
alerts-target_countries = Países destinatarios
alerts-countries_hint = Códigos de dos letras separados por comas; vacío para todos los países.
alerts-target_offices = Oficinas de aduanas destinatarias (códigos)
alerts-transport_modes = Modos de transporte
alerts-origin_countries = Países de origen
alerts-match_on = Qué cotejar
alerts-brands = Marcas
alerts-brands_hint = Una por línea: el número en el catálogo o el nombre de la marca.
alerts-products = Números de producto en el catálogo
alerts-suspect_parties = Partes sospechosas
alerts-transport_documents = Guías aéreas y conocimientos de embarque
alerts-hs_codes = Códigos HS (capítulo, partida o subpartida)
alerts-validity_title = Validez
alerts-valid_from = Desde
alerts-valid_to = Hasta (incluido)
alerts-publish = Publicar la alerta
alerts-everywhere = Todos los países
alerts-withdraw = Retirar la alerta
alerts-validity = Del { $from } al { $to }
alerts-unknown_brand = No hay una única marca en el catálogo llamada «{ $name }»; indique su número en el catálogo.
alerts-bad_product = «{ $value }» no es un número de producto.

## alerts.status

alerts-status-in_force = En vigor
alerts-status-withdrawn = Retirada
alerts-status-not_in_force = No vigente
alerts-reason-suspect_party = { $role } { $name } es una parte sospechosa
alerts-reason-container = contenedor { $container }
alerts-reason-document = documento de transporte { $document }
alerts-reason-product = producto: { $product }
alerts-reason-hs_code = código SA { $code }
alerts-reason-brand = marca n.º { $brand }
alerts-reason-origin = origen: { $country }
alerts-brand_number = marca n.º { $number }
alerts-product_number = producto n.º { $number }

## stats

stats-nav = Cifras
stats-title = Cifras
stats-intro = Situación y resultado de los { $total } expedientes que puede consultar.
stats-by_outcome = Expedientes por resultado
stats-by_state = Expedientes por estado
stats-cases = Expedientes
stats-chart = Gráfico

## ops

ops-ack_note = Lo que acordó con el otro organismo (opcional)
ops-ack_hint = Una vez que haya hablado con el contacto del otro organismo, indique lo que decidieron; se le comunicará su respuesta y nada más.
ops-you_said = Su respuesta
ops-other_said = Respuesta del otro organismo
ops-matched_on = coincidencia en
ops-nav = Operaciones
ops-title = Operaciones
ops-coordination = Coordinación
ops-hits_link = Coincidencias y resumen
ops-none = Su organismo aún no ha registrado ninguna operación.
ops-new = Registrar una operación
ops-name = Nombre
ops-kind = Tipo
ops-kind_hint = investigación, operación conjunta…
ops-status_label = Estado
ops-starts_on = Comienza el
ops-ends_on = Termina el
ops-period = Período
ops-contact = Punto de contacto
ops-contact_name = Nombre
ops-contact_phone = Teléfono (formato internacional)
ops-contact_email = Correo electrónico
ops-confidentiality = Confidencialidad
ops-tell_officer = Cuando una retención coincida con un objetivo, avisar también al agente que la registró (de lo contrario, la coincidencia es silenciosa: solo se avisa a este punto de contacto)
ops-create = Registrar la operación
ops-on_detention = Ante una retención coincidente
ops-tell_both = se avisa a ambos puntos de contacto
ops-silent = silenciosa: solo se avisa al punto de contacto de esta operación
ops-targets = Objetivos
ops-targets_hint = Los objetivos solo se comparan con los de otros organismos en forma de hashes con clave de su forma normalizada; nadie más los lee.
ops-target_kind = Tipo
ops-target_value = Identificador
ops-country = País (empresas, vehículos)
ops-dob = Fecha de nacimiento (personas)
ops-add_target = Añadir y comprobar el objetivo
ops-targets_added = Objetivo añadido; { $hits ->
        [0] ninguna coincidencia
        [one] una coincidencia
       *[other] { $hits } coincidencias
    } con otros organismos.
ops-events = Acciones previstas
ops-event_kind = Acción
ops-place = Lugar
ops-window = Cuándo
ops-lat = Latitud
ops-lon = Longitud
ops-radius = Radio (m)
ops-starts_at = Inicio
ops-ends_at = Fin
ops-note = Nota
ops-add_event = Añadir y comprobar la acción prevista
ops-event_added = Acción prevista añadida; { $conflicts ->
        [0] ningún conflicto
        [one] un conflicto
       *[other] { $conflicts } conflictos
    } con otros organismos.
ops-active = en curso
ops-hits = Coincidencias
ops-hits_hint = Una coincidencia le indica cuál de sus propios elementos se ha cruzado con el trabajo de otro organismo y a quién llamar; ninguna de las partes ve el expediente de la otra.
ops-no_hits = Todavía no hay coincidencias.
ops-your_item = su elemento
ops-open_operation = abrir la operación
ops-contact_before = Contactar antes de actuar

## ops.status

ops-status-planned = Prevista
ops-status-active = En curso
ops-status-closed = Cerrada

## ops.level

ops-level-restricted = Difusión limitada
ops-level-confidential = Confidencial
ops-level-secret = Secreto

## ops.kinds

ops-kinds-company = Empresa
ops-kinds-person = Persona
ops-kinds-address = Dirección
ops-kinds-phone = Teléfono
ops-kinds-email = Correo electrónico
ops-kinds-vehicle = Matrícula del vehículo
ops-kinds-container = Contenedor
ops-kinds-vessel = Buque (OMI)
ops-kinds-air_waybill = Guía aérea
ops-kinds-bill_of_lading = Conocimiento de embarque
ops-kinds-web_domain = Dominio web
ops-kinds-iban = IBAN

## ops.event

ops-event-search = Registro
ops-event-controlled_delivery = Entrega vigilada
ops-event-inspection = Inspección
ops-event-surveillance = Vigilancia

## ops.ack

ops-ack-go_ahead = Hemos hablado: seguimos adelante
ops-ack-stand_down = Hemos hablado: nos retiramos
ops-ack-merge = Hemos hablado: trabajamos juntos

## ops.form

ops-form-name = el nombre tal como está escrito
ops-form-word_set = las mismas palabras en otro orden
ops-form-words_joined = dos palabras escritas como una sola
ops-form-transliterated = un nombre transcrito al alfabeto latino
ops-form-spelling = un error ortográfico (compruébelo antes de actuar)
ops-form-place_and_time = el lugar y la hora

## ops.match

ops-match-target = Mismo objetivo
ops-match-place_and_time = Mismo lugar y momento
ops-match-detention = Retención de un objetivo

## editor

editor-history_link = Historial
editor-edit_link = Editar
editor-history_title = Historial de { $name }
editor-no_history = Todavía no se ha guardado ninguna versión.
editor-version = Versión
editor-action = Cambio
editor-who = Por
editor-when = Cuándo
editor-edit_title = Editar { $name }
editor-version_note = Está editando la versión { $version } del borrador.
editor-preview_link = Vista previa tal como la ve un agente
editor-conflict = Alguien ha guardado este producto entretanto; vuelva a cargar la página para ver sus cambios y después rehaga los suyos.
editor-reload = Volver a cargar
editor-main = Datos principales
editor-identification = Identificación
editor-hs_hint = La subpartida HS de 6 dígitos, p. ej., 4202.21.
editor-gtins_hint = Un GTIN por línea (8, 12, 13 o 14 dígitos).
editor-markets_hint = Códigos de país como FR, DE o US, separados por comas.
editor-kept = Las demás partes de la ficha (cadena de suministro, elementos de seguridad, precios, números de modelo, otros idiomas) se conservan tal como están.
editor-save = Guardar el borrador
editor-label = Qué muestra la imagen
editor-file = Imagen
editor-upload_hint = JPEG, PNG o WebP. Los metadatos, como la posición GPS, se eliminan antes de guardarla.
editor-upload = Subir la imagen
editor-upload_refused = Este archivo se ha rechazado.
editor-remove_refused = La imagen no se ha eliminado.
editor-add_indicator = Añadir un indicio
editor-side = Indica
editor-weight = Peso
editor-weight_hint = De 1 (un simple indicio) a 5 (concluyente).
editor-image = Imagen de la galería
editor-no_image = Sin imagen
editor-add = Añadir el indicio
editor-remove = Eliminar
editor-name = Nombre
editor-captions = Pies de imagen
editor-caption_in = Pie de imagen ({ $language })
editor-text_in = Qué observar ({ $language })
editor-texts_in = Textos ({ $language })

## editor.actions

editor-actions-create = Creado
editor-actions-save = Guardado
editor-actions-publish = Publicado
editor-actions-import = Importado

## editor.saved

editor-saved-main = Guardado: el borrador tiene una nueva versión. Publíquelo para que los agentes la vean.
editor-saved-image = La imagen se ha añadido a la galería.
editor-saved-image_removed = La imagen se ha retirado de la galería. Publique el borrador para que los agentes vean el cambio.
editor-saved-indicator = El indicio se ha añadido a la guía.
editor-saved-removed = El indicio se ha eliminado de la guía.

## editor.brand

editor-brand-edit_link = Editar la marca
editor-brand-title = Editar la marca { $name }
editor-brand-back = Volver a la marca
editor-brand-conflict = Alguien ha guardado esta marca entretanto; vuelva a cargar la página para ver sus cambios y después rehaga los suyos.
editor-brand-main = Nombres, sector y prefijos GS1
editor-brand-name = Nombre de la marca
editor-brand-aliases_hint = Una por línea: otras grafías y escrituras que pueden llevar las mercancías, p. ej., Maison Lumiere o メゾン・ルミエール.
editor-brand-prefixes = Prefijos de empresa GS1
editor-brand-prefixes_hint = Uno por línea, de 6 a 12 dígitos: permiten a un agente llegar hasta usted a partir de un código de barras desconocido.
editor-brand-logo = Logotipo
editor-brand-no_logo = Todavía no hay logotipo.
editor-brand-logo_alt = Logotipo de { $name }
editor-brand-logo_file = Imagen del logotipo
editor-brand-logo_upload = Subir el logotipo
editor-brand-add_trademark = Añadir un registro de marca
editor-brand-classes_hint = Clases de Niza del 1 al 45, separadas por comas, p. ej., 18, 25.
editor-brand-add_contact = Añadir un contacto
editor-brand-contact_name = Nombre o servicio
editor-brand-country_hint = El país del que se ocupa este contacto (p. ej., FR); déjelo vacío para todos los países.
editor-brand-languages_hint = Códigos de dos letras separados por comas, p. ej., en, fr.
editor-brand-hours_hint = Con la zona horaria, p. ej., lun.–vie. 08:00–18:00 CET.
editor-brand-representatives = Representantes
editor-brand-representatives_hint = Organizaciones representantes en las que usted delega la edición de las fichas de esta marca y la respuesta en su nombre; no pueden cambiar quién ve sus secciones confidenciales.
editor-brand-no_representatives = Ningún representante actúa en nombre de esta marca.
editor-brand-representative = Organización representante
editor-brand-delegate = Permitirle actuar en nombre de la marca
editor-brand-revoke = Dejar de delegar
editor-brand-audience = Quién ve las secciones confidenciales
editor-brand-audience_hint = Los agentes que no forman parte de estos destinatarios ven que una sección está reservada y a quién consultar. Solo su organización puede cambiarlo; cada cambio queda registrado en la auditoría.
editor-brand-audience_sections = Secciones reservadas a los destinatarios
editor-brand-audience_countries = Países cuyas autoridades de control forman parte de los destinatarios
editor-brand-audience_organisations = Organizaciones de control que forman parte de los destinatarios
editor-brand-contact_texts_in = Nombres y horarios de los contactos ({ $language })

## editor.brand.saved

editor-brand-saved-main = Guardado: el borrador de la marca tiene una nueva versión. Publique la marca para que los agentes la vean.
editor-brand-saved-trademark = El registro de marca se ha añadido al borrador.
editor-brand-saved-contact = El contacto se ha añadido al borrador.
editor-brand-saved-logo = El logotipo se ha guardado y añadido al borrador.
editor-brand-saved-removed = Eliminado del borrador.
editor-brand-saved-representative = Se han actualizado los representantes de la marca.
editor-brand-saved-audience = Se han guardado los destinatarios de las secciones confidenciales. El cambio se aplica de inmediato, sin publicar, para que la retirada de una sección surta efecto al instante.

## editor.supply

editor-supply-link = Elementos de seguridad y cadena de suministro
editor-supply-title = Elementos de seguridad y cadena de suministro de { $name }
editor-supply-main_link = Datos principales, imágenes y guía
editor-supply-confidential_hint = Los agentes ven estas partes una vez publicadas, salvo que su marca las reserve a las autoridades que usted eligió.
editor-supply-no_features = Todavía no se ha descrito ningún elemento de seguridad.
editor-supply-add_feature = Añadir un elemento de seguridad
editor-supply-kind = Tipo
editor-supply-kind_hint = p. ej., holograma, código serializado, precinto de seguridad, tinta UV.
editor-supply-countries = Países en los que se fabrica el producto auténtico
editor-supply-parties = Fabricantes e importadores, exportadores y distribuidores autorizados
editor-supply-no_parties = Todavía no se ha indicado ningún interviniente.
editor-supply-add_party = Añadir un interviniente
editor-supply-identifier_hint = Número EORI, de registro o similar, si lo tiene.
editor-supply-market_hint = El mercado para el que está autorizado (p. ej., DE), si atiende a uno concreto.
editor-supply-no_routes = Todavía no se ha indicado ninguna ruta habitual.
editor-supply-add_route = Añadir una ruta

## editor.supply.saved

editor-supply-saved-feature = El elemento de seguridad se ha añadido al borrador.
editor-supply-saved-manufacturing = Los países de fabricación se han guardado en el borrador.
editor-supply-saved-party = El interviniente se ha añadido al borrador.
editor-supply-saved-route = La ruta se ha añadido al borrador.
editor-supply-saved-removed = Eliminado del borrador.

## identify

identify-live_start = Escanear con la cámara
identify-live_stop = Detener la cámara
identify-live_aim = Apunte al código de barras y no se mueva.
identify-live_denied = No se ha podido abrir la cámara; tome una foto con el formulario que figura a continuación.
identify-found_brands = Marcas
identify-found_products = Productos
identify-catalog_search_label = Marca o producto
identify-catalog_search_hint = Un nombre o parte de él, un alias, un GTIN o un número de modelo; se toleran los errores ortográficos.
identify-nav = Identificar
identify-home_card = Identificar un producto: foto del código de barras, código o nombre
identify-title = Identificar un producto
identify-intro = Fotografíe el código de barras, escriba el código impreso debajo o escriba el nombre del producto o de la marca.
identify-result = Qué identifica el código
identify-choose = Se han leído varios códigos: elija el que figura en las mercancías
identify-code_read = Código leído
identify-check_code = Compare el código leído con los dígitos impresos debajo del código de barras: una etiqueta desgastada o arrugada puede leerse mal.
identify-open_card = Abrir la ficha del producto
identify-look_up_corrected = Buscar { $code }
identify-photo_title = Foto del código de barras
identify-photo_label = Tomar o elegir una foto
identify-photo_hint = JPEG, PNG o WebP, hasta { $max } MB. Mantenga el código de barras plano, bien iluminado y enfocado.
identify-photo_submit = Leer el código de barras
identify-code_title = Escribir un código
identify-code_label = GTIN, código GS1 o Digital Link
identify-code_hint = Los dígitos que figuran debajo del código de barras (p. ej., 4006381333931), una cadena GS1 como (01)04006381333931(10)ABC o un enlace https:// de un código QR.
identify-code_submit = Buscar el código
identify-name_title = Buscar por nombre
identify-name_label = Nombre del producto o de la marca
identify-name_hint = Se toleran los errores ortográficos; no importan los acentos ni las mayúsculas.
identify-name_submit = Buscar
identify-no_hits = Nada de lo publicado coincide con «{ $query }». Compruebe la ortografía o pruebe con el nombre de la marca o con los dígitos que figuran debajo del código de barras.
identify-kind_brand = Marca
identify-q_required = Escriba el nombre de un producto o de una marca para buscar.
identify-several = Se han leído { $count } códigos de barras en la foto.
identify-no_barcode = No se ha encontrado ningún código de barras en esta foto. Acerque la cámara, con el código de barras plano, bien iluminado y enfocado, e inténtelo de nuevo, o escriba los dígitos impresos debajo.
identify-product = { $product } de { $brand }.
identify-brand_only = No hay ningún producto registrado con el GTIN { $gtin }, pero su prefijo de empresa { $prefix } pertenece a { $brand }: consulte a sus contactos, que figuran a continuación.
identify-not_registered = No hay nada registrado en Touchstone para el GTIN { $gtin }: ningún producto lo tiene y ninguna marca es titular de su prefijo de empresa.
identify-check_digit = Este código tiene un dígito de control erróneo: con estos dígitos, el último debería ser { $expected }, no { $found }. Compruebe los dígitos que ha escrito o leído.
identify-check_digit_ai = En el identificador de aplicación (AI) ({ $ai }), el dígito de control debería ser { $expected }, no { $found }. Compruebe los dígitos que ha escrito o leído.
identify-invalid = Este código no es válido: { $reason }.
identify-no_gtin = Este código GS1 no contiene ningún GTIN, por lo que no designa un producto.
identify-not_a_code = Esto no es un código de producto (un GTIN, un código GS1 o un GS1 Digital Link).
identify-error_form = No se ha podido recibir la foto; vuelva a elegirla y envíe el formulario.
identify-error_empty_file = La foto está vacía; vuelva a tomarla o a elegirla.
identify-error_file_too_large = Esta foto supera los { $max } MB; tome una foto más cercana y de menor tamaño del código de barras.
identify-error_unsupported_type = Este archivo no es una imagen JPEG, PNG o WebP; fotografíe el código de barras con la cámara.
identify-error_too_many_pixels = Esta imagen es demasiado grande para leerla (demasiados píxeles); tome una foto normal del código de barras.
identify-error_corrupt_file = Esta imagen está dañada y no se puede leer; vuelva a tomar la foto.
identify-error_processing_timeout = La lectura de esta foto ha tardado demasiado; tome una foto más cercana en la que solo aparezca el código de barras.
identify-identified_photo = Leído en su foto: { $code } ({ $format }).
identify-identified_code = Encontrado con el código { $code }.
identify-identified_check = Compárelo con los dígitos que figuran debajo del código de barras: si no coinciden, vuelva a identificar el producto.
identify-again = Identificar otro producto
identify-results_for = Resultados para «{ $query }»
identify-hit_picture = { $product } auténtico
identify-search_again = Buscar de nuevo
identify-shrinking = Reduciendo la foto para enviarla más rápido…
identify-reading_here = Buscando el código de barras en el teléfono…
identify-sending = Enviando la foto: { $percent } % de { $size }
identify-sent = Foto enviada; leyendo el código de barras…
identify-send_failed = No se ha podido enviar la foto: compruebe la conexión de red e inténtelo de nuevo.
identify-size_kb = { $n } kB
identify-size_mb = { $n } MB
identify-no_barcode_shrunk = No se ha podido leer ningún código de barras en la copia reducida de la foto que se envió para ganar tiempo. Envíe la foto original (más grande y más lenta de enviar) o tome una foto más cercana.
identify-send_original = Enviar la foto original

## grants

grants-nav = Autorizaciones de acceso
grants-access_nav = Acceso
grants-title = Autorizaciones de acceso
grants-intro = Los cuerpos policiales y otros organismos solo acceden al ámbito de las autoridades de control mediante una autorización: de alcance limitado, con fecha de fin y revocable de inmediato. Todo lo que se hace aquí queda anotado en el registro de auditoría.
grants-requests = Solicitudes de acceso
grants-no_requests = Ningún organismo ha solicitado acceso.
grants-reason = Motivo
grants-asked_by = Solicitado por
grants-answer_with_grant = Responder con una autorización
grants-decline = Denegar
grants-list = Autorizaciones
grants-none = Todavía no hay autorizaciones.
grants-in_force = en vigor
grants-ended = finalizada
grants-given_by = Concedida por
grants-revoked_at = revocada el
grants-scopes = Acceso a
grants-expires_on = Último día
grants-change = Guardar los cambios
grants-revoke = Revocar ahora
grants-give = Conceder una autorización
grants-no_agencies = Todavía no hay registrado ningún cuerpo policial ni otro organismo de su país.
grants-grantor = En nombre de
grants-grantee = Organismo
grants-access_title = Acceso al ámbito de las autoridades de control
grants-access_intro = Su organización accede a lo que abre una autorización de acceso. Las autorizaciones las conceden una administración de aduanas de su país o los administradores de la plataforma; solicítela aquí y se les avisará de inmediato.
grants-opens = Qué abre
grants-held = Concedido actualmente
grants-yes = Sí
grants-no = No
grants-whom = Quién puede conceder el acceso
grants-ask = Solicitar acceso
grants-why = Para qué lo necesita
grants-ask_button = Enviar la solicitud
grants-request_sent = Su solicitud se ha enviado; verá la respuesta aquí y en su bandeja de entrada.
grants-your_requests = Sus solicitudes
grants-open = pendiente de respuesta
grants-no_grant_hint = Su organización todavía no tiene una autorización de acceso para esto.

## grants.scope

grants-scope-catalog_alerts = Catálogo y alertas
grants-scope-case_sharing = Expedientes compartidos
grants-scope-coordination = Coordinación de operaciones

## grants.scope_help

grants-scope_help-catalog_alerts = El catálogo de productos publicado, Identificar y las alertas dirigidas a su organización.
grants-scope_help-case_sharing = Las retenciones que una administración de aduanas comparte con usted, con sus hilos de mensajes.
grants-scope_help-coordination = Registrar operaciones y objetivos, y saber cuándo otro organismo trabaja sobre el mismo objetivo.

## grants.outcome

grants-outcome-granted = concedida
grants-outcome-declined = denegada

## content

# Beside a text shown in another language than the reader's, because it has no version in theirs.
content-not_translated = sin traducir
content-languages = Idiomas de los textos
content-editing_note = Textos en: { $language }. Quien lee en un idioma sin versión ve los del idioma de respaldo ({ $fallback }), recordados bajo cada campo. Al guardar solo cambian los textos de este idioma.
content-missing = { $count ->
    [0] completo
    [one] { $count } texto sin traducir
   *[other] { $count } textos sin traducir
    }
content-fallback_language = idioma de respaldo
content-fallback_choice = Idioma de respaldo
content-fallback_hint = Quien lee en un idioma sin versión de un texto lo ve en este idioma, marcado como sin traducir. Los textos escritos sin idioma cuentan como de este idioma.
content-fallback_text = { $language } (idioma de respaldo):

## gs1

# What a GS1 code carries, named field by field (Application Identifiers).
gs1-ai_other = IA ({ $ai })
gs1-ai-01 = GTIN
gs1-ai-02 = GTIN de los artículos contenidos
gs1-ai-10 = Lote
gs1-ai-11 = Fecha de producción
gs1-ai-13 = Fecha de envasado
gs1-ai-15 = Consumir preferentemente antes de
gs1-ai-16 = Fecha límite de venta
gs1-ai-17 = Fecha de caducidad
gs1-ai-21 = Número de serie
gs1-ai-22 = Variante del producto
gs1-ai-240 = Identificación adicional del producto
gs1-ai-241 = Referencia del cliente
gs1-ai-30 = Número de artículos
gs1-ai-37 = Número de unidades comerciales
gs1-ai-400 = Número de pedido del cliente
gs1-ai-414 = Ubicación (GLN)
gs1-ai-422 = País de origen
gs1-ai-8003 = Activo retornable (GRAI)
gs1-ai-8004 = Activo individual (GIAI)

## offline

offline-kept = Datos guardados, no actualizados: sin red, esta página es la copia guardada en este teléfono el { $when }.
offline-no_card = Sin red, y ninguna ficha de producto guardada en este teléfono para el código { $code }. Vuelva a intentarlo cuando vuelva la red.
offline-store = Fichas de producto guardadas en este teléfono para trabajar sin red: { $count } ({ $size }), última sincronización el { $when }.
offline-store_empty = Aún no hay fichas de producto guardadas en este teléfono: las fichas que abra con red se guardan para trabajar sin red.
offline-queue_title = Retenciones registradas sin red
offline-queued = Sin red: la retención se guarda en este teléfono y se enviará en cuanto vuelva la red.
offline-waiting = Pendiente de envío
offline-sent = Enviada
offline-open_case = Abrir el expediente
offline-refused = Rechazada por el servidor, hay que registrarla de nuevo
offline-signin = vuelva a iniciar sesión para enviarla
offline-photos = Fotos: { $count }
offline-pin = Guardar las fichas de esta marca en este teléfono
offline-unpin = Dejar de guardar las fichas de esta marca
offline-pinning = Guardando las fichas…
offline-pinned_done = Guardadas en este teléfono, para abrirlas sin red: { $count } fichas ({ $size }), sincronizadas el { $when }.
offline-pin_failed = No se pudieron guardar las fichas: no hay red o no queda espacio en el teléfono.
offline-pin_sector = Guardar las fichas de este sector en este teléfono
offline-unpin_sector = Dejar de guardar las fichas de este sector
offline-pin_over_budget = No se ha guardado nada: con estas, se guardarían { $count } fichas de marcas y sectores, y este teléfono guarda como máximo { $max }. Deje primero de guardar una marca o un sector.
offline-pin_partial = Solo se han guardado { $count } de { $total } fichas: el espacio reservado a marcas y sectores en este teléfono ({ $max_size }) está lleno. Deje de guardar una marca o un sector para guardar el resto.
offline-budget = Guardado para marcas y sectores: { $cards } de { $max } fichas como máximo, { $size } de { $max_size } como máximo.
offline-pinned_list = Marcas y sectores guardados en este teléfono: { $pins }
offline-pinned_item = { $title } ({ $count } fichas, sincronizadas el { $when })

## time

# Un momento tal como lo lee el lector: $time es hh:mm en formato de 24 horas, $zone la zona horaria (CET, UTC+04).
time-datetime = { $day } { $month } { $year }, { $time } { $zone }
time-date = { $day } { $month } { $year }
time-month_1 = ene
time-month_2 = feb
time-month_3 = mar
time-month_4 = abr
time-month_5 = may
time-month_6 = jun
time-month_7 = jul
time-month_8 = ago
time-month_9 = sept
time-month_10 = oct
time-month_11 = nov
time-month_12 = dic
time-your_zone = Las horas son las de su zona horaria: { $zone }. Puede cambiarla en la página de su cuenta.

## list

# Entre los elementos de una lista escrita en una frase.
punctuation-colon = {":"}
list-separator = {", "}

## notice

# Notificaciones: cada una se escribe en el idioma de quien la lee, al mostrarla o enviarla.
notice-email_footer = Recibe este mensaje como miembro de su organización en Touchstone; su bandeja de notificaciones allí muestra cada notificación y le permite dejar de recibir estos correos.
notice-case_message-subject = Nuevo mensaje en el expediente { $case }
notice-case_shared-subject = Expediente { $case } compartido con usted
notice-case_detained-subject = Mercancías con sus marcas retenidas: expediente { $case }
notice-case_detained-body = Abra el expediente para responder antes del vencimiento del plazo.
notice-case_step-subject = Expediente { $case }: { $step }
notice-case_step_outcome-subject = Expediente { $case }: { $step }, { $outcome }
notice-case_answered-subject = Expediente { $case }: el titular del derecho respondió «{ $answer }»
notice-case_extended-subject = Expediente { $case }: el titular del derecho prorrogó su plazo hasta el { $due }
notice-case_answer_required-subject = Expediente { $case }: el declarante se opone; responda antes del { $due }
notice-case_answer_required-body = Inicie un procedimiento antes del vencimiento del plazo; de lo contrario, se concede el levante de las mercancías.
notice-case_ready-subject = Expediente { $case } listo para decisión: { $outcome }
notice-deadline_reminder-subject = Expediente { $case }: su respuesta vence el { $due }
notice-deadline_reminder-body = El silencio al vencer el plazo equivale a: { $silence }.
notice-alert_match-subject = Su alerta «{ $title }» coincide con una retención
notice-hit-subject = Coordinación: otro organismo trabaja sobre su { $item } «{ $label }»
notice-hit-contact = Contacte antes de actuar: { $contact }.
notice-hit-matched = Coincidencia en: { $match } ({ $form }). El expediente del otro organismo no se le muestra, ni el suyo a él.
notice-hit_acknowledged-subject = Coordinación: el otro organismo tomó nota ({ $outcome })
notice-hit_acknowledged-body = El otro organismo tomó nota de una coincidencia que comparten: { $outcome }.
notice-hit_reminder-subject = Coordinación: una coincidencia sobre «{ $label }» aún no tiene respuesta
notice-hit_reminder-body = Llame al contacto del otro organismo e indique en la coincidencia lo que decidieron.
notice-access_granted-subject = Acceso concedido: { $scopes }
notice-access_granted-body = Su organización recibió acceso ({ $scopes }) hasta el { $expires }.
notice-access_revoked-subject = Acceso revocado
notice-access_revoked-body = Se revocó la autorización de acceso de su organización ({ $scopes }).
notice-access_requested-subject = { $agency } solicita acceso
notice-access_requested-body = { $agency } ({ $country }) solicita acceso: { $scopes }.
notice-access_requested-reason = Motivo: { $reason }
notice-access_requested-by = Solicitado por: { $by }
notice-access_declined-subject = Solicitud de acceso rechazada
notice-access_declined-body = { $by } rechazó su solicitud de acceso ({ $scopes }).

## notice.item

notice-item-target = objetivo
notice-item-detention = retención
notice-item-planned_action = acción prevista

## audit.action

audit-action-access_decline = Solicitud de acceso rechazada
audit-action-access_request = Acceso solicitado
audit-action-alert_create = Alerta creada
audit-action-alert_update = Alerta modificada
audit-action-audit_read = Registro de auditoría consultado
audit-action-brand_confidentiality = Confidencialidad de la marca modificada
audit-action-brand_create = Marca creada
audit-action-brand_delegate = Marca delegada
audit-action-brand_publish = Marca publicada
audit-action-brand_revoke_delegation = Delegación de marca retirada
audit-action-brand_update = Marca modificada
audit-action-case_answer = Respuesta al expediente
audit-action-case_create = Expediente registrado
audit-action-case_detain = Mercancías retenidas
audit-action-case_extension = Plazo prorrogado
audit-action-case_message = Mensaje en un expediente
audit-action-case_read = Expediente consultado
audit-action-case_share = Expediente compartido
audit-action-case_share_withdrawn = Se retiró el acceso compartido al expediente
audit-action-case_shared_with = Expediente recibido en uso compartido
audit-action-case_thread_read = Conversación del expediente consultada
audit-action-case_transition = Paso del expediente
audit-action-case_update = Expediente modificado
audit-action-catalog_import = Catálogo importado
audit-action-catalog_read = Catálogo consultado
audit-action-catalog_read_confidential = Secciones confidenciales consultadas
audit-action-coordination_hit = Coincidencia de coordinación
audit-action-coordination_hit_ack = Coincidencia atendida
audit-action-grant_change = Autorización de acceso modificada
audit-action-grant_create = Acceso concedido
audit-action-grant_received = Autorización de acceso recibida
audit-action-grant_revoke = Acceso revocado
audit-action-media_demo_pictures = Imágenes de demostración añadidas
audit-action-media_upload = Archivo subido
audit-action-notify_email_preference = Preferencia de correo modificada
audit-action-operation_create = Operación registrada
audit-action-operation_event = Acción prevista añadida
audit-action-operation_targets = Objetivos añadidos
audit-action-operation_update = Operación modificada
audit-action-organisation_create = Organización creada
audit-action-organisation_set_api_limits = Límites de la API fijados
audit-action-organisation_set_email_domains = Dominios de correo fijados
audit-action-party_export = Datos de una parte exportados (solicitud legal)
audit-action-product_create = Producto creado
audit-action-product_publish = Producto publicado
audit-action-product_update = Producto modificado
audit-action-retention_purge = Datos personales purgados (conservación)
audit-action-sign_in = Inicio de sesión
audit-action-sign_in_failed = Inicio de sesión fallido
audit-action-sign_in_refused_deactivated = Inicio de sesión rechazado: cuenta desactivada
audit-action-sign_in_refused_locked = Inicio de sesión rechazado: cuenta bloqueada
audit-action-sign_in_second_factor = Segundo factor aceptado
audit-action-sign_in_second_factor_failed = Código de segundo factor incorrecto
audit-action-sign_out = Cierre de sesión
audit-action-token_create = Token de API creado
audit-action-token_revoke = Token de API revocado
audit-action-user_change_password = Contraseña cambiada
audit-action-user_create = Usuario creado
audit-action-user_deactivate = Usuario desactivado
audit-action-user_reactivate = Usuario reactivado
audit-action-user_locked = Cuenta bloqueada
audit-action-user_reset_credentials = Credenciales restablecidas
audit-action-user_second_factor_enabled = Segundo factor activado
audit-action-user_second_factor_enrolment_started = Registro del segundo factor iniciado
audit-action-user_set_language = Idioma o zona horaria modificados
audit-action-user_set_office = Oficina de aduanas modificada
audit-action-verify_serial_status = Estado de número de serie modificado
audit-action-verify_serials_import = Números de serie importados
audit-action-verify_service_registered = Servicio de verificación registrado
audit-action-verify_service_removed = Servicio de verificación retirado
audit-action-webhook_create = Webhook añadido
audit-action-webhook_delete = Webhook eliminado

## audit.target

audit-target-access_request = solicitud de acceso
audit-target-alert = alerta
audit-target-api_token = token de API
audit-target-audit = registro de auditoría
audit-target-brand = marca
audit-target-case = expediente
audit-target-grant = autorización de acceso
audit-target-hit = coincidencia
audit-target-media = archivo
audit-target-operation = operación
audit-target-organisation = organización
audit-target-product = producto
audit-target-products = productos
audit-target-user = usuario
audit-target-webhook = webhook
audit-target-target = objetivo
audit-target-detention = retención
audit-target-planned_action = acción prevista
audit-target-serial = número de serie
audit-target-party = parte
audit-target-retention = conservación

## audit.who

audit-console = la línea de comandos
audit-regime = el procedimiento legal
audit-alerts = el cotejo de alertas
audit-anonymous = sin sesión
audit-system = sistema: { $worker }

## regime

# The built-in legal regimes' names; a regime a deployment configures keeps its own.
regime-eu_608_2013 = Reglamento (UE) n.º 608/2013

## Comprobación de números de serie (issue 18): un indicio para el agente, no una conclusión jurídica
verify-title = Comprobación del número de serie
verify-evidence = Es un indicio para su examen, no una conclusión jurídica.
verify-checked_registry = Comprobado { $when } con los números de serie registrados por el titular del derecho.
verify-checked_service = Comprobado { $when } con el servicio de verificación del titular del derecho.
verify-heading_registered_active = Registrado y activo
verify-explain_registered_active = El titular del derecho registró este número de serie para este producto y está activo; el lote y la caducidad leídos coinciden. Esto respalda, sin probarlo, que el artículo es auténtico.
verify-heading_unknown_serial = Número de serie desconocido
verify-explain_unknown_serial = El titular del derecho no ha registrado este número de serie para este producto, aunque registra los de sus artículos auténticos: es un indicio de que el artículo puede ser falsificado. Consulte al titular del derecho.
verify-heading_batch_or_expiry_mismatch = El lote o la caducidad no coinciden
verify-explain_mismatch_batch = Este número de serie está registrado, pero el lote leído en el artículo difiere del que registró el titular del derecho: es un indicio de un artículo falsificado o reetiquetado. Consulte al titular del derecho.
verify-explain_mismatch_expiry = Este número de serie está registrado, pero la fecha de caducidad leída en el artículo difiere de la que registró el titular del derecho: es un indicio de un artículo falsificado o reetiquetado. Consulte al titular del derecho.
verify-explain_mismatch_both = Este número de serie está registrado, pero el lote y la fecha de caducidad leídos en el artículo difieren de los que registró el titular del derecho: es un indicio de un artículo falsificado o reetiquetado. Consulte al titular del derecho.
verify-heading_status_recalled = Registrado como retirado
verify-explain_status_recalled = El titular del derecho ha registrado este número de serie como retirado: un artículo que lo lleve ya no debería estar en el mercado. Consulte al titular del derecho.
verify-heading_status_destroyed = Registrado como destruido
verify-explain_status_destroyed = El titular del derecho ha registrado este número de serie como destruido: un artículo que lo lleve ya no debería existir, así que el código puede haber sido copiado. Consulte al titular del derecho.
verify-heading_status_stolen = Registrado como robado
verify-explain_status_stolen = El titular del derecho ha registrado este número de serie como robado: este artículo puede proceder de un robo. Consulte al titular del derecho.
verify-heading_status_exported = Registrado como exportado
verify-explain_status_exported = El titular del derecho ha registrado este número de serie como exportado: el artículo debía salir del mercado para el que fue registrado. Consulte al titular del derecho.
verify-heading_status_sample = Registrado como muestra
verify-explain_status_sample = El titular del derecho ha registrado este número de serie como muestra: el artículo no estaba destinado a la venta. Consulte al titular del derecho.
verify-heading_possible_clone = Posible clon
verify-explain_possible_clone = Este número de serie está registrado y activo, pero se ha comprobado { $scans ->
        [one] una vez
       *[other] { $scans } veces
    } en { $countries ->
        [one] un país
       *[other] { $countries } países
    } en { $hours } horas, la última vez antes de esta { $last }. Un artículo auténtico está en un solo lugar a la vez, así que el código puede haberse copiado en otros artículos. Consulte al titular del derecho.
verify-heading_not_serialised = Ningún número de serie registrado
verify-explain_not_serialised = El titular del derecho no ha registrado ningún número de serie para este producto, así que este no puede comprobarse aquí: esto no indica nada en ningún sentido.
verify-heading_could_not_verify = No se pudo verificar
verify-explain_could_not_verify = El servicio de verificación del titular del derecho no dio ningún resultado fiable, así que este número de serie no pudo verificarse: esto no indica nada en ningún sentido, y nunca que el artículo sea auténtico. Consulte al titular del derecho.
verify-reason_service_unreachable = No se pudo contactar con su servicio.
verify-reason_service_timeout = Su servicio no respondió a tiempo.
verify-reason_service_error = Su servicio respondió con un error.
verify-reason_bad_signature = Su respuesta no estaba firmada con la clave del titular del derecho, así que se rechazó.
verify-reason_bad_answer = Su respuesta no pudo leerse.
verify-heading_not_checked = Número de serie no comprobado
verify-explain_not_checked = Esta ficha se abrió desde un enlace, un marcador o la copia guardada en este teléfono, así que el número de serie no se comprobó esta vez. Vuelva a identificar el código para comprobarlo.

## La página del servicio de verificación del titular de la marca
verify-service-link = Servicio de verificación
verify-service-title = Servicio de verificación conectado
verify-service-intro = En lugar de subir sus números de serie, puede responder a las comprobaciones de los agentes sobre los números de serie de esta marca desde su propio servicio de verificación. Cada comprobación de un código con número de serie se le envía entonces; una respuesta tardía, sin firmar o mal firmada se muestra al agente como «no se pudo verificar», nunca como auténtica.
verify-service-protocol = Touchstone envía un POST con el GTIN, el número de serie, el lote, la caducidad y el país de la oficina (nunca quién comprueba), firmado como los webhooks: X-Touchstone-Signature es sha256= seguido del HMAC-SHA256 de la marca de tiempo, un punto y el cuerpo bajo su secreto. Responda 200 con el request_id recibido y un estado (active, unknown, recalled, destroyed, stolen, exported, sample), firmado del mismo modo, en menos de { $seconds } segundos. Solo los administradores del titular de la marca gestionan este servicio.
verify-service-secret_once = El secreto de su servicio se muestra abajo solo esta vez: guárdelo ahora en su servicio de verificación. Un nuevo registro crea otro.
verify-service-current = Servicio registrado
verify-service-url = Dirección del servicio
verify-service-since = Registrado o sustituido por última vez { $when }.
verify-service-failures = Comprobaciones sin resultado, últimos 7 días
verify-service-no_failures = Ninguna: cada comprobación recibió a tiempo una respuesta firmada.
verify-service-reason = Motivo
verify-service-checks = Comprobaciones
verify-service-last = Última
verify-service-remove = Retirar el servicio
verify-service-none = No hay ningún servicio registrado: las comprobaciones usan los números de serie que ha subido.
verify-service-register_title = Registrar un servicio
verify-service-replace_title = Sustituir el servicio
verify-service-register = Registrar
verify-service-replace = Sustituir, con un nuevo secreto
