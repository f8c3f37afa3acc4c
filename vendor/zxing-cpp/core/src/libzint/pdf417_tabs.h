#include "../../../zint/backend/pdf417_tabs.h"
