#include "../../../zint/backend/gb18030.h"
